using System.Collections.Generic;
using GrokContracts.Spec;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    private sealed partial class Emitter
    {
        /// <summary>
        /// <c>Validate()</c>: the checks a typed request can still fail (null or empty strings, item counts, ranges,
        /// formats, enum values made by casts), in the contract's validation order. Codes and messages are
        /// resolved now and written as literals, so a valid request allocates nothing. The steps are the contract's
        /// <see cref="Contract.ValidationOrder"/> as the parser resolved it (every applicable check, in the API's order):
        /// the emitter decides nothing about which checks apply, so it cannot disagree with <see cref="ContractRules"/>.
        /// </summary>
        private void WriteValidate(SourceWriter writer)
        {
            writer.Summary("Every violation of the contract, in the order the API reports them, with the API's codes and messages.");
            writer.Line("/// <returns>The violations; an empty list (no allocation) when the request is valid.</returns>");
            writer.Open("public " + ReadOnlyViolationsType + " Validate()");
            writer.Line(NullableReference(ViolationListType) + " violations = null;");
            foreach (var step in _contract.ValidationOrder)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var shape = FindParameter(step.Parameter);
                if (shape is not null)
                {
                    WriteCheck(writer, shape, step.Check);
                }
            }

            writer.Line();
            writer.Open("if (violations == null)");
            writer.Line("return global::System.Array.Empty<" + ViolationType + ">();");
            writer.Close();
            writer.Line();
            writer.Line("return violations;");
            writer.Close();
            writer.Line();
        }

        private void WriteCheck(SourceWriter writer, ParameterShape shape, ValidationCheck check)
        {
            var p = shape.Parameter;
            var field = shape.Field;
            switch (check)
            {
                case ValidationCheck.Required when shape.IsReference:
                    var missing = Violation(shape, ViolationKind.Missing, shape.PathLiteral);
                    var empty = p.NonEmpty && !shape.IsArray ? Violation(shape, ViolationKind.Empty, shape.PathLiteral) : null;
                    if (!shape.IsNullable && missing is not null)
                    {
                        writer.Line();
                        writer.Open("if (" + field + " == null)");
                        writer.Line(missing);
                        writer.Close();
                        if (empty is not null)
                        {
                            writer.Open("else if (" + field + ".Length == 0)");
                            writer.Line(empty);
                            writer.Close();
                        }
                    }
                    else if (empty is not null)
                    {
                        writer.Line();
                        writer.Open("if (" + field + " != null && " + field + ".Length == 0)");
                        writer.Line(empty);
                        writer.Close();
                    }

                    break;

                case ValidationCheck.Items when shape.IsArray:
                    var tooFew = p.MinItems is int minItems ? Violation(shape, ViolationKind.TooFewItems, shape.PathLiteral) : null;
                    var tooMany = p.MaxItems is int maxItems ? Violation(shape, ViolationKind.TooManyItems, shape.PathLiteral) : null;
                    if (tooFew is null && tooMany is null)
                    {
                        break;
                    }

                    writer.Line();
                    writer.Open("if (" + field + " != null)");
                    var first = true;
                    if (tooFew is not null)
                    {
                        writer.Open("if (" + field + ".Count < " + CSharpText.Integer(p.MinItems!.Value) + ")");
                        writer.Line(tooFew);
                        writer.Close();
                        first = false;
                    }

                    if (tooMany is not null)
                    {
                        writer.Open((first ? "if (" : "else if (") + field + ".Count > " + CSharpText.Integer(p.MaxItems!.Value) + ")");
                        writer.Line(tooMany);
                        writer.Close();
                    }

                    writer.Close();
                    break;

                case ValidationCheck.Range when p.Type == ParameterType.Integer || p.Type == ParameterType.Number:
                    var outOfRange = Violation(shape, ViolationKind.OutOfRange, shape.PathLiteral);
                    var conditions = new List<string>();
                    if (shape.MinimumLiteral is not null)
                    {
                        conditions.Add(field + " < " + shape.MinimumLiteral);
                    }

                    if (shape.MaximumLiteral is not null)
                    {
                        conditions.Add(field + " > " + shape.MaximumLiteral);
                    }

                    if (outOfRange is null || conditions.Count == 0)
                    {
                        break;
                    }

                    // On a nullable value, `<` and `>` are false for null: an unset parameter is in range.
                    writer.Line();
                    writer.Open("if (" + string.Join(" || ", conditions) + ")");
                    writer.Line(outOfRange);
                    writer.Close();
                    break;

                case ValidationCheck.Allowed when shape.WireClass is { } wireClass:
                    var notAllowed = Violation(shape, ViolationKind.NotAllowed, shape.PathLiteral);
                    if (notAllowed is null)
                    {
                        break;
                    }

                    var isDefined = Global(wireClass) + ".IsDefined(" + (shape.IsNullable ? field + ".Value" : field) + ")";
                    writer.Line();
                    writer.Open("if (" + (shape.IsNullable ? field + ".HasValue && " : string.Empty) + "!" + isDefined + ")");
                    writer.Line(notAllowed);
                    writer.Close();
                    break;

                case ValidationCheck.Format when p.Format == StringFormat.PublicHttpUrl:
                    if (shape.IsArray)
                    {
                        var itemPath = CSharpText.Literal(ContractRules.PathOf(p.Name) + "[") + " + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
                        var badItem = Violation(shape, ViolationKind.BadFormat, itemPath);
                        if (badItem is null)
                        {
                            break;
                        }

                        writer.Line();
                        writer.Open("if (" + field + " != null)");
                        writer.Open("for (var i = 0; i < " + field + ".Count; i++)");
                        writer.Open("if (!global::GrokContracts.WireFormats.IsPublicHttpUrl(" + field + "[i]))");
                        writer.Line(badItem);
                        writer.Close();
                        writer.Close();
                        writer.Close();
                    }
                    else if (p.Type == ParameterType.String)
                    {
                        var bad = Violation(shape, ViolationKind.BadFormat, shape.PathLiteral);
                        if (bad is null)
                        {
                            break;
                        }

                        writer.Line();
                        writer.Open("if (" + field + " != null && !global::GrokContracts.WireFormats.IsPublicHttpUrl(" + field + "))");
                        writer.Line(bad);
                        writer.Close();
                    }

                    break;
            }
        }

        /// <summary>The statement that records one violation, or null when the API does not reject it (no code).</summary>
        private string? Violation(ParameterShape shape, ViolationKind kind, string pathExpression)
        {
            var resolved = SpecLibraryAdapter.ResolveError(_contract, shape.Parameter, kind);
            if (resolved is not ApiError error)
            {
                return null;
            }

            return "AddViolation(ref violations, new " + ViolationType + "(" + CSharpText.Integer(error.Code) + ", " + CSharpText.Literal(error.Message) + ", "
                + shape.WireLiteral + ", " + pathExpression + ", global::GrokContracts.ContractViolationKind." + kind + "));";
        }
    }
}
