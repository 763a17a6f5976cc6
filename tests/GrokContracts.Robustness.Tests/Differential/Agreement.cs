using System.Collections.Generic;
using System.Linq;
using GrokContracts.Generators.Tests.TestSupport;
using GrokContracts.Spec;

namespace GrokContracts.Robustness.Tests.Differential;

/// <summary>
/// The one comparison behind every differential test: the generated <c>Validate()</c> of a typed request against
/// <see cref="ContractRules.Check"/> on the request's own <c>ToJson()</c>. They agree when they report the same
/// rejections, in the same order, with the same codes, messages, paths and kinds (advisories, which have no code, are
/// not rejections and <c>Validate()</c> does not report them).
/// </summary>
internal static class Agreement
{
    /// <summary>What both sides report for <paramref name="request"/>.</summary>
    public static Outcome Compare(Contract contract, IContractRequest request)
    {
        var json = ContractJson.ToJson(request);
        Assert.True(PayloadJson.TryParse(json, out var payload, out var error), error?.Message + "\n" + json);
        var all = ContractRules.Check(contract, (PayloadObject)payload!);
        var expected = all.Where(v => v.IsRejected).Select(v => new Verdict(v.Code!.Value, v.Message, v.Path, v.Kind.ToString())).ToList();
        var actual = request.Validate().Select(v => new Verdict(v.Code, v.Message, v.Path, v.Kind.ToString())).ToList();
        return new Outcome(json, expected, actual, all.Count(v => !v.IsRejected));
    }

    /// <summary>Compares, and fails with both lists, the request and <paramref name="context"/> when they disagree.</summary>
    public static Outcome AssertAgree(Contract contract, IContractRequest request, string context)
    {
        var outcome = Compare(contract, request);
        if (!outcome.Expected.SequenceEqual(outcome.Actual))
        {
            Assert.Fail(context + ": Validate() and ContractRules disagree\n"
                + "ContractRules: " + string.Join("; ", outcome.Expected) + "\nValidate():    " + string.Join("; ", outcome.Actual)
                + "\n--- request ---\n" + outcome.Json);
        }

        return outcome;
    }

    /// <summary>One reported rejection.</summary>
    public sealed record Verdict(int Code, string Message, string Path, string Kind);

    /// <summary>The request's JSON, ContractRules' rejections, Validate()'s violations, and ContractRules' advisory count.</summary>
    public sealed record Outcome(string Json, IReadOnlyList<Verdict> Expected, IReadOnlyList<Verdict> Actual, int Advisories);
}
