// TEMPORARY: stand-ins for the Spec library's API (branch spec-lib) until it lands. Delete on merge.
using System.Text;
using System.Threading;

namespace GrokContracts.Spec;

internal static class ContractParser
{
    public static SpecParseResult Parse(string text, string path, CancellationToken cancellationToken)
        => new(null, EquatableArray<SpecDiagnostic>.Empty);
}

internal static class ContractNaming
{
    public static string ToPascalCase(string value)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }

    public static string DefaultNamespace(string modelId) => "GrokContracts." + ToPascalCase(modelId);
}

internal readonly record struct ResolvedErrorStub(int? Code, string Message);

internal static class ContractErrorExtensions
{
    public static ResolvedErrorStub ResolveError(this Contract contract, Parameter parameter, ViolationKind kind)
    {
        ErrorRule? rule = null;
        foreach (var candidate in parameter.Errors)
        {
            if (candidate.Kind == kind)
            {
                rule = candidate;
            }
        }

        var general = contract.FindError(kind);
        var code = rule?.Code ?? general?.Code;
        var message = rule?.Message ?? general?.Message ?? string.Empty;
        message = message.Replace("{name}", parameter.Name)
            .Replace("{minimum}", parameter.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
            .Replace("{maximum}", parameter.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
            .Replace("{maxItems}", parameter.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        return new ResolvedErrorStub(code, message);
    }
}
