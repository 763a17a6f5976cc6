using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GrokContracts.Generators.Tests.TestSupport;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// Nothing the pipeline caches comes from a Microsoft.CodeAnalysis* assembly (no ISymbol, SyntaxNode,
/// Location, Compilation, AdditionalText...): such values root whole compilations and defeat caching.
/// Walks the declared types of every field of every tracked step's output values, recursively.
/// </summary>
public sealed class ModelShapeTests
{
    [Fact]
    public void Tracked_step_outputs_hold_no_Roslyn_types()
    {
        var result = GeneratorRunner.Run([TestSpecs.Official, TestSpecs.Beta]);
        var steps = result.RunResult.Results.Single().TrackedSteps;
        var seen = new HashSet<Type>();
        var checkedAny = false;
        foreach (var name in TrackingNames.All)
        {
            foreach (var step in steps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    checkedAny = true;
                    AssertNoRoslynTypes(value.GetType(), name + ": " + value.GetType().Name, seen);
                }
            }
        }

        Assert.True(checkedAny);
    }

    [Fact]
    public void The_walk_finds_Roslyn_types()
    {
        Assert.ThrowsAny<Exception>(() => AssertNoRoslynTypes(typeof(Tuple<int, Microsoft.CodeAnalysis.Location>), "probe", []));
    }

    private static void AssertNoRoslynTypes(Type type, string path, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        Assert.False(assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), path + " is " + type.FullName + " from " + assembly);

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type.IsPointer)
        {
            return;
        }

        if (type.HasElementType)
        {
            AssertNoRoslynTypes(type.GetElementType()!, path + "[]", seen);
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            AssertNoRoslynTypes(argument, path + "<" + argument.Name + ">", seen);
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynTypes(field.FieldType, path + "." + field.Name, seen);
            }
        }
    }
}
