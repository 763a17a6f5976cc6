using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GrokContracts.Spec;

namespace GrokContracts.Robustness.Tests.Differential;

/// <summary>
/// Random typed requests of any generated contract, built by reflection from the contract alone (names from
/// <see cref="ContractNaming"/>, as the emitter writes them): boundary and out-of-range numbers, empty strings,
/// bad URLs, too many or too few items, every enum value, unset optionals.
/// </summary>
internal static class RandomRequests
{
    private static readonly string[] Strings = ["", "x", "A cat walks", "https://cdn.example.com/a.png", "data:image/png;base64,AAAA", "ftp://example.com/a.png"];

    private static readonly string[] Urls = ["https://cdn.example.com/a.png", "http://example.com/b.jpg", "data:image/png;base64,AAAA", "file:///etc/passwd", "a.png", ""];

    /// <summary>One random request of <paramref name="contract"/>, whose generated types are in <paramref name="assembly"/>.</summary>
    public static IContractRequest Create(Contract contract, Assembly assembly, Random random)
    {
        var ns = ContractNaming.ChooseNamespace(null, contract);
        var requestType = assembly.GetType(ns + "." + contract.RequestTypeName, throwOnError: true)!;
        var constructor = requestType.GetConstructors().Single(c => c.IsPublic);
        var required = contract.Parameters.Where(p => p.Required).ToList();
        var arguments = required.Select(p => Value(p, assembly, ns, random, allowNull: false)).ToArray();
        var request = (IContractRequest)Invoke(() => constructor.Invoke(arguments))!;

        foreach (var parameter in contract.Parameters.Where(p => !p.Required))
        {
            if (random.Next(4) == 0)
            {
                continue;
            }

            var with = requestType.GetMethod(ContractNaming.WithMethodName(parameter))!;
            var value = Value(parameter, assembly, ns, random, allowNull: random.Next(5) == 0);
            try
            {
                request = (IContractRequest)Invoke(() => with.Invoke(request, [value]))!;
            }
            catch (ArgumentNullException)
            {
                // An optional parameter with a default takes no null: keep the request as it was.
            }
        }

        return request;
    }

    private static object? Value(Parameter parameter, Assembly assembly, string ns, Random random, bool allowNull)
    {
        if (allowNull)
        {
            return null;
        }

        if (ContractNaming.IsEnum(parameter))
        {
            var values = Enum.GetValues(assembly.GetType(ns + "." + parameter.EnumName, throwOnError: true)!);
            return values.GetValue(random.Next(values.Length));
        }

        return parameter.Type switch
        {
            ParameterType.StringArray => Enumerable.Range(0, random.Next(4)).Select(_ => Urls[random.Next(Urls.Length)]).ToArray(),
            ParameterType.Integer => Pick(Integers(parameter), random),
            ParameterType.Number => Pick(Numbers(parameter), random),
            ParameterType.Boolean => random.Next(2) == 0,
            _ => Strings[random.Next(Strings.Length)],
        };
    }

    private static List<object> Integers(Parameter parameter)
    {
        var candidates = new List<long> { 0, 1, -1 };
        foreach (var bound in new[] { parameter.Minimum, parameter.Maximum })
        {
            if (bound is { } b)
            {
                candidates.AddRange([(long)b - 1, (long)b, (long)b + 1]);
            }
        }

        return [.. candidates.Where(c => c is >= int.MinValue and <= int.MaxValue).Select(c => (object)(int)c)];
    }

    private static List<object> Numbers(Parameter parameter)
    {
        var candidates = new List<object> { 0d, 1d };
        foreach (var bound in new[] { parameter.Minimum, parameter.Maximum })
        {
            if (bound is { } b)
            {
                candidates.AddRange([(double)b - 0.5, (double)b, (double)b + 0.5]);
            }
        }

        return candidates;
    }

    private static object Pick(List<object> values, Random random) => values[random.Next(values.Count)];

    private static object? Invoke(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
