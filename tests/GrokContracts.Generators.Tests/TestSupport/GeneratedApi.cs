using System;
using System.Linq;
using System.Reflection;
using GrokContracts.Generators.Tests.TestSupport;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokContracts.Generators.Tests.TestSupport;

/// <summary>The generated code of one spec, compiled and loaded, with small reflection helpers (no <c>dynamic</c>).</summary>
internal sealed class GeneratedApi
{
    private static readonly Lazy<GeneratedApi> LazyOfficial = new(() => new GeneratedApi(TestSpecs.Official, "GrokContracts.GrokImagineVideo15Official"));
    private static readonly Lazy<GeneratedApi> LazyBeta = new(() => new GeneratedApi(TestSpecs.Beta, "GrokContracts.GrokImagineVideo15Beta"));

    private GeneratedApi(SpecInput spec, string ns)
    {
        var result = GeneratorRunner.Run([spec], LanguageVersion.Latest);
        Assembly = GeneratorRunner.EmitAndLoad(result.Compilation);
        Namespace = ns;
    }

    public static GeneratedApi Official => LazyOfficial.Value;

    public static GeneratedApi Beta => LazyBeta.Value;

    public Assembly Assembly { get; }

    public string Namespace { get; }

    public Type Type(string name) => Assembly.GetType(Namespace + "." + name, throwOnError: true)!;

    public Type RequestType => Type("VideoGenerationRequest");

    public object Enum(string enumName, string member) => System.Enum.Parse(Type(enumName), member);

    public IContractRequest NewRequest(params object?[] arguments)
    {
        var constructor = RequestType.GetConstructors().Single();
        try
        {
            return (IContractRequest)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public object? CallStatic(string typeName, string method, params object?[] arguments)
        => Invoke(Type(typeName), null, method, arguments);

    public static T With<T>(T request, string property, object? value)
        where T : class
        => (T)Invoke(request.GetType(), request, "With" + property, [value])!;

    public static object? Call(object instance, string method, params object?[] arguments) => Invoke(instance.GetType(), instance, method, arguments);

    public static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    private static object? Invoke(Type type, object? target, string name, object?[] arguments)
    {
        var method = type.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == arguments.Length
            && m.GetParameters().Zip(arguments).All(p => p.Second is null ? !p.First.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.First.ParameterType) is not null
                : p.First.ParameterType.IsInstanceOfType(p.Second) || (p.First.ParameterType.IsByRef)));
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
