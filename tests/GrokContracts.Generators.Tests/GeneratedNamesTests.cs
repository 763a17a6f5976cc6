using System;
using System.Collections.Generic;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Spec;
using Microsoft.CodeAnalysis;

namespace GrokContracts.Generators.Tests;

/// <summary>
/// The names the Spec library reserves (<see cref="ContractNaming.GeneratedRequestMembers"/>,
/// <see cref="ContractNaming.GeneratedChannelMembers"/>) and derives (<see cref="ContractNaming.WithMethodName"/>,
/// <see cref="ContractNaming.ArgumentName"/>, <see cref="ContractNaming.WireClassName"/>) are exactly what the emitter
/// writes: every member of the generated types is one of them, so the GRK102 collision check and the analyzers'
/// lookups can never drift from the generated code.
/// </summary>
public sealed class GeneratedNamesTests
{
    public static TheoryData<string> Specs => new() { TestSpecs.OfficialPath, TestSpecs.BetaPath };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_member_of_the_request_type_is_a_parameter_name_or_a_listed_member(string path)
    {
        var (contract, compilation, ns) = Generate(path);
        var type = compilation.GetTypeByMetadataName(ns + "." + contract.RequestTypeName)!;
        var allowed = new HashSet<string>(ContractNaming.GeneratedRequestMembers, StringComparer.Ordinal);
        foreach (var parameter in contract.Parameters)
        {
            allowed.Add(parameter.PropertyName);
            allowed.Add(ContractNaming.WithMethodName(parameter));
            allowed.Add("_" + ContractNaming.ArgumentName(parameter));
            allowed.Add(ContractNaming.JsonNameFieldPrefix + parameter.PropertyName);
        }

        var declared = DeclaredNames(type);
        Assert.Empty(declared.Except(allowed));
        foreach (var parameter in contract.Parameters)
        {
            Assert.Contains(ContractNaming.WithMethodName(parameter), declared);
        }

        // The constructor's arguments are the required parameters' argument names, as TypedApiAnalysis matches them.
        var constructor = type.InstanceConstructors.Single(c => c.DeclaredAccessibility == Accessibility.Public);
        Assert.Equal(
            contract.Parameters.Where(p => p.Required).Select(ContractNaming.ArgumentName),
            constructor.Parameters.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_member_of_the_channel_class_is_listed_or_a_parameter_constant(string path)
    {
        var (contract, compilation, ns) = Generate(path);
        var type = compilation.GetTypeByMetadataName(ns + "." + ContractNaming.ChannelTypeName(contract.ModelId))!;
        var allowed = new HashSet<string>(ContractNaming.GeneratedChannelMembers, StringComparer.Ordinal);
        foreach (var parameter in contract.Parameters)
        {
            foreach (var suffix in ContractNaming.GeneratedChannelConstantSuffixes)
            {
                allowed.Add(parameter.PropertyName + suffix);
            }
        }

        Assert.Empty(DeclaredNames(type).Except(allowed));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_generated_types_are_the_request_the_channel_and_one_enum_and_wire_class_per_enum_parameter(string path)
    {
        var (contract, compilation, ns) = Generate(path);
        var expected = new List<string> { contract.RequestTypeName, ContractNaming.ChannelTypeName(contract.ModelId) };
        foreach (var parameter in contract.Parameters.Where(ContractNaming.IsEnum))
        {
            expected.Add(parameter.EnumName!);
            expected.Add(ContractNaming.WireClassName(parameter)!);
        }

        var generated = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == ns)
            .Select(t => t.Name);
        Assert.Equal(expected.Order(StringComparer.Ordinal), generated.Order(StringComparer.Ordinal));
    }

    private static (Contract Contract, Compilation Compilation, string Namespace) Generate(string path)
    {
        var spec = path == TestSpecs.OfficialPath ? TestSpecs.Official : TestSpecs.Beta;
        var contract = ContractParser.Parse(spec.Text, spec.Path).Contract!;
        var result = GeneratorRunner.Run([spec]);
        Assert.Empty(result.Diagnostics);
        return (contract, result.Compilation, ContractNaming.ChooseNamespace(null, contract));
    }

    /// <summary>What the emitter declared by name: no constructors, accessors or compiler-made members.</summary>
    private static HashSet<string> DeclaredNames(INamedTypeSymbol type) =>
        type.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: not MethodKind.Ordinary })
            .Where(m => m is not IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 }) // IContractRequest.Channel: no name to clash with
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
}
