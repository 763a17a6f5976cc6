namespace GrokContracts.Spec.Tests;

/// <summary>A small valid spec that diagnostics tests break one line at a time (LF line endings).</summary>
internal static class Minimal
{
    // Line numbers matter to the tests: keep this layout.
    public const string Spec =
        "specVersion: 1\n" +                               // 1
        "model: test-model\n" +                            // 2
        "summary: A test channel.\n" +                     // 3
        "endpoints:\n" +                                   // 4
        "  baseUrl: https://example.com\n" +               // 5
        "  submit: { method: POST, path: /submit }\n" +    // 6
        "  poll: { method: GET, path: \"/tasks/{id}\" }\n" + // 7
        "errors:\n" +                                      // 8
        "  missing: { code: 20002, message: \"{name} is required\" }\n" + // 9
        "  range: { code: 20003, message: \"{name} must be {minimum}-{maximum}\" }\n" + // 10
        "parameters:\n" +                                  // 11
        "  prompt:\n" +                                    // 12
        "    type: string\n" +                             // 13
        "    required: true\n";                            // 14
}
