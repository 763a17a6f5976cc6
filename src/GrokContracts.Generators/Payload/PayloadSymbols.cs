using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Payload;

/// <summary>The few well-known types the payload reader needs, resolved once per compilation.</summary>
internal sealed class PayloadSymbols
{
    private readonly INamedTypeSymbol? _genericDictionary;
    private readonly INamedTypeSymbol? _dictionary;
    private readonly INamedTypeSymbol? _jsonObject;
    private readonly INamedTypeSymbol? _jsonArray;
    private readonly INamedTypeSymbol? _jsonValue;
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, bool> _typeExists = new(System.StringComparer.Ordinal);

    public PayloadSymbols(Compilation compilation)
    {
        _compilation = compilation;
        _genericDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        _dictionary = compilation.GetTypeByMetadataName("System.Collections.IDictionary");
        _jsonObject = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject");
        _jsonArray = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonArray");
        _jsonValue = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonValue");
        RequestInterface = compilation.GetTypeByMetadataName("GrokContracts.IContractRequest");
    }

    /// <summary><c>GrokContracts.IContractRequest</c>, implemented by every generated request type, or null.</summary>
    public INamedTypeSymbol? RequestInterface { get; }

    /// <summary>JsonObject, or a type implementing <c>IDictionary&lt;string, T&gt;</c> or <c>IDictionary</c>.</summary>
    public bool IsDictionaryLike(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (_jsonObject is not null && SymbolEqualityComparer.Default.Equals(type, _jsonObject))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (_genericDictionary is not null
                && SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, _genericDictionary)
                && implemented.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return true;
            }

            if (_dictionary is not null && SymbolEqualityComparer.Default.Equals(implemented, _dictionary))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the compilation has a type of this metadata name (e.g. a generated request type), looked up once per
    /// name: <see cref="Compilation.GetTypeByMetadataName"/> searches every referenced assembly on each call.
    /// </summary>
    public bool HasType(string metadataName) => _typeExists.GetOrAdd(metadataName, LookUp);

    private bool LookUp(string metadataName) => _compilation.GetTypeByMetadataName(metadataName) is not null;

    /// <summary>Whether <paramref name="type"/> is <c>System.Text.Json.Nodes.JsonValue</c>.</summary>
    public bool IsJsonValue(ITypeSymbol? type) => _jsonValue is not null && SymbolEqualityComparer.Default.Equals(type, _jsonValue);

    /// <summary>Whether <paramref name="type"/> is <c>System.Text.Json.Nodes.JsonArray</c>.</summary>
    public bool IsJsonArray(ITypeSymbol? type) => _jsonArray is not null && SymbolEqualityComparer.Default.Equals(type, _jsonArray);
}
