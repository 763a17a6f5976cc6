using GrokContracts.Spec;

namespace GrokContracts.Generators;

/// <summary>The API's answer for one violation that the API rejects: its code and final message.</summary>
/// <param name="Code">The five-digit code.</param>
/// <param name="Message">The message with every placeholder filled in.</param>
internal readonly record struct ApiError(int Code, string Message);

/// <summary>The calls into the Spec library whose shape the emitter depends on, in one place.</summary>
internal static class SpecLibraryAdapter
{
    /// <summary>The code and message of <paramref name="kind"/> on <paramref name="parameter"/>, or null when the API does not reject it.</summary>
    public static ApiError? ResolveError(Contract contract, Parameter parameter, ViolationKind kind)
    {
        var resolved = contract.ResolveError(parameter, kind);
        return resolved.Code is int code ? new ApiError(code, resolved.Message) : null;
    }
}
