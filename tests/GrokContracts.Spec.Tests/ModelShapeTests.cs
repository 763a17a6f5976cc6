using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace GrokContracts.Spec.Tests;

/// <summary>
/// The contract model travels through the generator's incremental pipeline: it must be made only of BCL and
/// GrokContracts.Spec types (no Roslyn, no YamlDotNet, no positions), be immutable and compare by value.
/// </summary>
public class ModelShapeTests
{
    [Fact]
    public void Every_type_reachable_from_contract_is_from_the_bcl_or_the_spec_library()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(typeof(Contract));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            var assembly = type.Assembly.GetName().Name!;
            Assert.True(
                assembly == "GrokContracts.Spec" || type.Assembly == typeof(object).Assembly || assembly.StartsWith("System", StringComparison.Ordinal),
                $"{type} comes from {assembly}");
            Assert.NotEqual(typeof(SpecPosition), type); // positions stay on SpecParseResult
            Assert.NotEqual(typeof(SpecSpan), type);
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
            {
                pending.Push(argument);
            }

            if (type.Assembly != typeof(Contract).Assembly || type.IsEnum)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                Assert.True(
                    property.SetMethod is null || property.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"),
                    $"{type.Name}.{property.Name} is mutable");
                pending.Push(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
            }
        }

        Assert.Contains(typeof(Parameter), seen);
        Assert.Contains(typeof(PollingPhase), seen);
    }

    [Fact]
    public void Equal_texts_give_equal_contracts_with_equal_hash_codes()
    {
        foreach (var text in new[] { SpecFiles.Official, SpecFiles.Beta })
        {
            var a = ContractParser.Parse(text, "a.yaml").Contract!;
            var b = ContractParser.Parse(text, "b.yaml").Contract!;
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.NotEqual(a, a with { Parameters = EquatableArray.From(a.Parameters.Take(a.Parameters.Count - 1)) });
        }
    }
}
