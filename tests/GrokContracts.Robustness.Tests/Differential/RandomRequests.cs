using System;
using System.Linq;
using System.Reflection;
using GrokContracts.Spec;

namespace GrokContracts.Robustness.Tests.Differential;

/// <summary>
/// Random typed requests of any generated contract, built by reflection from the contract alone (type, constructor,
/// <c>With…</c> and enum names from <see cref="ContractNaming"/>, as the emitter writes them): the constructor takes the
/// required parameters, then each optional one is left as it is, set, or set to null where its type allows it.
/// Values reach every rule: numbers at, inside and just outside their bounds; empty, blank, Unicode and URL-like
/// strings and allowed values; 0 to 5 array items from valid and invalid URLs; every enum member.
/// </summary>
internal static class RandomRequests
{
    private static readonly string[] Urls =
    [
        "https://example.com/a.png", "https://example.com/a.png", "http://example.com:8080/b.jpg", "data:image/png;base64,AAAA", "ftp://example.com/a.png",
        "file:///etc/passwd", "/relative.png", "", "https://", "https://exa mple.com/x", "HTTPS://EXAMPLE.COM/A.PNG",
    ];

    private static readonly string[] Strings = ["", " ", "x", "A cat walks", "\u00e9\ud83d\ude00", "\"q\"\\", "https://example.com/a.png", "ftp://x/y", "A"];

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>One random request of <paramref name="contract"/>, whose generated types are in <paramref name="assembly"/>.</summary>
    public static IContractRequest Create(Contract contract, Assembly assembly, Random random)
    {
        var ns = ContractNaming.ChooseNamespace(null, contract);
        var requestType = assembly.GetType(ns + "." + contract.RequestTypeName, throwOnError: true)!;
        var constructor = requestType.GetConstructors().Single(c => c.IsPublic);
        var byArgument = contract.Parameters.ToDictionary(ContractNaming.ArgumentName, StringComparer.Ordinal);
        var arguments = constructor.GetParameters().Select(p => Value(random, byArgument[p.Name!], p.ParameterType, allowNull: false)).ToArray();
        var request = (IContractRequest)Invoke(constructor, null, arguments)!;

        foreach (var parameter in contract.Parameters)
        {
            if (random.Next(3) == 0)
            {
                continue; // keep what the constructor or the default left
            }

            var with = requestType.GetMethods().Single(m => m.Name == ContractNaming.WithMethodName(parameter) && m.GetParameters().Length == 1);
            var target = with.GetParameters()[0];
            var allowNull = Nullable.GetUnderlyingType(target.ParameterType) is not null
                || (!target.ParameterType.IsValueType && Nullability.Create(target).WriteState == NullabilityState.Nullable);
            request = (IContractRequest)Invoke(with, request, [Value(random, parameter, target.ParameterType, allowNull)])!;
        }

        return request;
    }

    private static object? Value(Random random, Parameter parameter, Type type, bool allowNull)
    {
        if (allowNull && random.Next(6) == 0)
        {
            return null;
        }

        var core = Nullable.GetUnderlyingType(type) ?? type;
        if (core.IsEnum)
        {
            var members = Enum.GetValues(core);
            return members.GetValue(random.Next(members.Length));
        }

        if (core == typeof(string[]))
        {
            return Enumerable.Range(0, random.Next(6) switch { 0 => 0, 1 or 2 or 3 => 1, 4 => 2, _ => random.Next(3, 6) }).Select(_ => Urls[random.Next(Urls.Length)]).ToArray();
        }

        if (core == typeof(string))
        {
            return random.Next(4) == 0 && parameter.AllowedValues.Count > 0
                ? parameter.AllowedValues[random.Next(parameter.AllowedValues.Count)].Value
                : random.Next(3) == 0 ? Urls[random.Next(Urls.Length)] : Strings[random.Next(Strings.Length)];
        }

        if (core == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        var min = (double)(parameter.Minimum ?? -50);
        var max = (double)(parameter.Maximum ?? 50);
        if (core == typeof(int) || core == typeof(long))
        {
            var value = random.Next(5) switch
            {
                0 => (long)Math.Ceiling(min),
                1 => (long)Math.Floor(max),
                2 => (long)Math.Ceiling(min) - 1,
                3 => (long)Math.Floor(max) + 1,
                _ => (long)Math.Floor(min) + random.Next(-3, (int)Math.Min(200, Math.Max(4, max - min + 4))),
            };
            return core == typeof(int) ? (object)(int)Math.Clamp(value, int.MinValue, int.MaxValue) : value;
        }

        if (core == typeof(double))
        {
            return random.Next(5) switch
            {
                0 => min,
                1 => max,
                2 => min - 0.125,
                3 => max + 0.5,
                _ => Math.Round(min + (random.NextDouble() * (max - min + 2)) - 1, 3),
            };
        }

        if (core == typeof(decimal))
        {
            return (decimal)Math.Round(min + (random.NextDouble() * (max - min + 2)) - 1, 3);
        }

        throw new InvalidOperationException("no random value for " + type);
    }

    private static object? Invoke(MethodBase method, object? target, object?[] arguments)
    {
        try
        {
            return method is ConstructorInfo constructor ? constructor.Invoke(arguments) : method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
