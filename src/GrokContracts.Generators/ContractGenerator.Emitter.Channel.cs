using System;
using System.Collections.Generic;
using GrokContracts.Spec;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    private sealed partial class Emitter
    {
        private const string PixelSizeType = "global::GrokContracts.PixelSize";

        /// <summary>The static class of channel facts: endpoints, parameter limits and defaults, output sizes, pricing.</summary>
        private string EmitChannel()
        {
            var writer = StartFile();
            writer.Summary("Facts of the <c>" + CSharpText.Xml(_contract.ModelId) + "</c> channel from its contract spec: endpoints, parameter limits and defaults, output sizes and pricing. "
                + CSharpText.XmlSentence(_contract.Summary));
            WriteGeneratedCode(writer);
            writer.Open(Accessibility + " static class " + ChannelTypeName);
            // Constants first, then static fields, then methods; each group in spec order.
            WriteEndpoints(writer);
            WriteParameterConstants(writer);
            WritePricingConstants(writer);
            WriteUrlLifetime(writer);
            WriteFormatPollPath(writer);
            WriteOutputSize(writer);
            WriteEstimateCredits(writer);
            WriteDescriptor(writer);
            writer.Close();
            return EndFile(writer);
        }

        /// <summary>
        /// The run-time descriptor: what the client needs to talk to the channel. Written last and from literals only,
        /// so it never reads a static field that is not initialised yet.
        /// </summary>
        private void WriteDescriptor(SourceWriter writer)
        {
            const string Runtime = "global::GrokContracts.";
            var endpoints = _contract.Endpoints;
            writer.Line();
            writer.Summary("The channel's run-time descriptor (endpoints, status words, polling schedule, URL lifetime, pricing), which the client follows.");
            writer.Line("public static readonly " + Runtime + "ChannelDescriptor Descriptor = new " + Runtime + "ChannelDescriptor(");
            writer.Line("    " + CSharpText.Literal(_contract.ModelId) + ",");
            writer.Line("    " + CSharpText.Literal(endpoints.BaseUrl) + ",");
            writer.Line("    new " + Runtime + "ChannelEndpoint(" + CSharpText.Literal(endpoints.Submit.Method) + ", " + CSharpText.Literal(endpoints.Submit.Path) + "),");
            writer.Line("    new " + Runtime + "ChannelEndpoint(" + CSharpText.Literal(endpoints.Poll.Method) + ", " + CSharpText.Literal(endpoints.Poll.Path) + "),");
            writer.Line("    new " + Runtime + "TaskStatusWord[]");
            writer.Line("    {");
            foreach (var status in _contract.Statuses)
            {
                var meaning = status.Outcome switch
                {
                    TaskOutcome.Succeeded => "Completed",
                    TaskOutcome.Failed => "Failed",
                    _ => "Processing",
                };
                writer.Line("        new " + Runtime + "TaskStatusWord(" + CSharpText.Literal(status.Value) + ", " + Runtime + "VideoTaskStatus." + meaning + "),");
            }

            writer.Line("    },");
            writer.Lines("    " + PollingExpression(Runtime) + ",");
            writer.Line("    " + (_contract.Output?.VideoUrlsValidFor is TimeSpan validFor ? "(global::System.TimeSpan?)" + TimeSpanExpression(validFor) : "null") + ",");
            writer.Line("    " + PricingExpression(Runtime) + ");");
        }

        private string PollingExpression(string runtime)
        {
            if (_contract.Polling is not { } polling)
            {
                return "null";
            }

            var phases = new List<string>();
            foreach (var phase in polling.Phases)
            {
                phases.Add("new " + runtime + "PollingPhase(" + (phase.Until is TimeSpan until ? "(global::System.TimeSpan?)" + TimeSpanExpression(until) : "null") + ", "
                    + TimeSpanExpression(phase.Every) + ", " + (phase.Gradual ? "true" : "false") + ")");
            }

            // One phase a line: the schedule reads like the spec's list.
            return "new " + runtime + "PollingSchedule(\n        new " + runtime + "PollingPhase[]\n        {\n            "
                + string.Join(",\n            ", phases) + ",\n        },\n        " + TimeSpanExpression(polling.Timeout) + ")";
        }

        private string PricingExpression(string runtime)
        {
            if (_contract.Pricing is not { } pricing)
            {
                return "null";
            }

            var multipliers = new List<string>();
            foreach (var m in pricing.Multipliers)
            {
                multipliers.Add("new " + runtime + "PriceMultiplier(" + CSharpText.Literal(m.Parameter) + ", " + CSharpText.Literal(m.Value) + ", " + CSharpText.DecimalLiteral(m.Multiplier) + ")");
            }

            return "new " + runtime + "ChannelPricing("
                + (pricing.PerSecondUsd is decimal rate ? "(decimal?)" + CSharpText.DecimalLiteral(rate) : "(decimal?)null") + ", "
                + CSharpText.Literal(pricing.PerParameter) + ", new " + runtime + "PriceMultiplier[] { " + string.Join(", ", multipliers) + " }, "
                + CSharpText.DecimalLiteral(pricing.CreditUsd) + ", " + (pricing.RefundsFailed ? "true" : "false") + ")";
        }

        private void WriteEndpoints(SourceWriter writer)
        {
            var endpoints = _contract.Endpoints;
            writer.Summary("The model id, sent as the request's <c>model</c>.");
            writer.Line("public const string ModelId = " + CSharpText.Literal(_contract.ModelId) + ";");
            writer.Line();
            writer.Summary("Base URL of the hosted service.");
            writer.Line("public const string BaseUrl = " + CSharpText.Literal(endpoints.BaseUrl) + ";");
            writer.Line();
            writer.Summary("HTTP method of the submit endpoint.");
            writer.Line("public const string SubmitMethod = " + CSharpText.Literal(endpoints.Submit.Method) + ";");
            writer.Line();
            writer.Summary("Path of the submit endpoint (relative to <see cref=\"BaseUrl\"/>).");
            writer.Line("public const string SubmitPath = " + CSharpText.Literal(endpoints.Submit.Path) + ";");
            writer.Line();
            writer.Summary("HTTP method of the poll endpoint.");
            writer.Line("public const string PollMethod = " + CSharpText.Literal(endpoints.Poll.Method) + ";");
            writer.Line();
            var hasId = HasIdPlaceholder;
            writer.Summary("Path of the poll endpoint (relative to <see cref=\"BaseUrl\"/>)" + (hasId ? ", with an <c>{id}</c> placeholder for the task id." : "."));
            writer.Line("public const string PollPath = " + CSharpText.Literal(endpoints.Poll.Path) + ";");
        }

        private bool HasIdPlaceholder => _contract.Endpoints.Poll.Path.IndexOf("{id}", StringComparison.Ordinal) >= 0;

        private void WriteFormatPollPath(SourceWriter writer)
        {
            if (!HasIdPlaceholder)
            {
                return;
            }

            writer.Line();
            writer.Summary("<see cref=\"PollPath\"/> for one task, its id escaped for a URL path.");
            writer.Line("/// <param name=\"taskId\">The task id from the submit response.</param>");
            writer.Line("/// <returns>The path to poll.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"taskId\"/> is null.</exception>");
            writer.Open("public static string FormatPollPath(string taskId)");
            WriteNullGuard(writer, "taskId");
            writer.Line("return PollPath.Replace(\"{id}\", global::System.Uri.EscapeDataString(taskId));");
            writer.Close();
        }

        private void WriteParameterConstants(SourceWriter writer)
        {
            foreach (var shape in _parameters)
            {
                var p = shape.Parameter;
                var wire = "<c>" + CSharpText.Xml(p.Name) + "</c>";
                var unit = p.Unit is null ? string.Empty : " (" + CSharpText.Xml(p.Unit) + ")";
                var numberType = p.Type == ParameterType.Integer ? "int" : "double";
                if (shape.MinimumLiteral is not null)
                {
                    Constant(writer, "Smallest allowed " + wire + unit + ".", numberType, shape.Property + "Minimum", shape.MinimumLiteral);
                }

                if (shape.MaximumLiteral is not null)
                {
                    Constant(writer, "Largest allowed " + wire + unit + ".", numberType, shape.Property + "Maximum", shape.MaximumLiteral);
                }

                if (shape.IsArray && p.MinItems is int minItems)
                {
                    Constant(writer, "Fewest entries allowed in " + wire + ".", "int", shape.Property + "MinItems", CSharpText.Integer(minItems));
                }

                if (shape.IsArray && p.MaxItems is int maxItems)
                {
                    Constant(writer, "Most entries allowed in " + wire + ".", "int", shape.Property + "MaxItems", CSharpText.Integer(maxItems));
                }

                if (shape.DefaultLiteral is not null)
                {
                    Constant(writer, "The API's default for " + wire + unit + " (the request's initial value).", shape.Type, shape.Property + "Default", shape.DefaultLiteral);
                }
            }
        }

        private static void Constant(SourceWriter writer, string summary, string type, string name, string value)
        {
            writer.Line();
            writer.Summary(summary);
            writer.Line("public const " + type + " " + name + " = " + value + ";");
        }

        private void WriteUrlLifetime(SourceWriter writer)
        {
            if (_contract.Output?.VideoUrlsValidFor is TimeSpan validFor)
            {
                writer.Line();
                writer.Summary("How long the output video URLs stay valid after completion (" + CSharpText.Xml(Describe(validFor)) + ").");
                writer.Line("public static readonly global::System.TimeSpan VideoUrlsValidFor = " + TimeSpanExpression(validFor) + ";");
            }
        }

        private void WriteOutputSize(SourceWriter writer)
        {
            var output = _contract.Output;
            var matrix = output?.PixelSizes;
            var row = matrix is null ? null : FindParameter(matrix.RowParameter);
            var column = matrix is null ? null : FindParameter(matrix.ColumnParameter);
            if (matrix is null || row is null || column is null || !row.IsEnum || !column.IsEnum || row == column)
            {
                return;
            }

            var rowArg = row.Argument;
            var columnArg = column.Argument;
            writer.Line();
            writer.Summary("The output video's pixel size for an <c>" + CSharpText.Xml(row.Parameter.Name) + "</c> and <c>" + CSharpText.Xml(column.Parameter.Name) + "</c> combination, when the spec states it.");
            writer.Line("/// <param name=\"" + rowArg.TrimStart('@') + "\">The <c>" + CSharpText.Xml(row.Parameter.Name) + "</c>.</param>");
            writer.Line("/// <param name=\"" + columnArg.TrimStart('@') + "\">The <c>" + CSharpText.Xml(column.Parameter.Name) + "</c>.</param>");
            writer.Line("/// <param name=\"size\">The size when known; otherwise the default value.</param>");
            writer.Line("/// <returns>Whether the spec states the size for this combination.</returns>");
            writer.Open("public static bool TryGetOutputSize(" + row.Type + " " + rowArg + ", " + column.Type + " " + columnArg + ", out " + PixelSizeType + " size)");
            writer.Open("switch (" + rowArg + ")");
            foreach (var rowValue in row.Parameter.AllowedValues)
            {
                var cases = new List<string>();
                foreach (var entry in matrix.Entries)
                {
                    var columnValue = entry.Row == rowValue.Value ? column.Parameter.FindAllowedValue(entry.Column) : null;
                    if (columnValue is not null)
                    {
                        cases.Add("case " + column.Type + "." + columnValue.MemberName + ": size = new " + PixelSizeType + "("
                            + CSharpText.Integer(entry.Width) + ", " + CSharpText.Integer(entry.Height) + "); return true;");
                    }
                }

                if (cases.Count == 0)
                {
                    continue;
                }

                writer.Line("case " + row.Type + "." + rowValue.MemberName + ":");
                writer.Line("    switch (" + columnArg + ")");
                writer.Line("    {");
                foreach (var line in cases)
                {
                    writer.Line("        " + line);
                }

                writer.Line("    }");
                writer.Line();
                writer.Line("    break;");
            }

            writer.Close();
            writer.Line();
            writer.Line("size = default(" + PixelSizeType + ");");
            writer.Line("return false;");
            writer.Close();

            writer.Line();
            writer.Summary("The output video's pixel size for <paramref name=\"request\"/>, when the spec states it.");
            writer.Line("/// <param name=\"request\">The request.</param>");
            writer.Line("/// <param name=\"size\">The size when known; otherwise the default value.</param>");
            writer.Line("/// <returns>Whether the spec states the size for the request's <c>" + CSharpText.Xml(row.Parameter.Name) + "</c> and <c>" + CSharpText.Xml(column.Parameter.Name) + "</c>.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"request\"/> is null.</exception>");
            writer.Open("public static bool TryGetOutputSize(" + Global(RequestTypeName) + " request, out " + PixelSizeType + " size)");
            WriteNullGuard(writer, "request");
            var unset = new List<string>();
            foreach (var shape in new[] { row, column })
            {
                if (shape.IsNullable)
                {
                    unset.Add("!request." + shape.Property + ".HasValue");
                }
            }

            if (unset.Count > 0)
            {
                writer.Open("if (" + string.Join(" || ", unset) + ")");
                writer.Line("size = default(" + PixelSizeType + ");");
                writer.Line("return false;");
                writer.Close();
                writer.Line();
            }

            writer.Line("return TryGetOutputSize(request." + row.Property + (row.IsNullable ? ".Value" : string.Empty) + ", request."
                + column.Property + (column.IsNullable ? ".Value" : string.Empty) + ", out size);");
            writer.Close();
        }

        private void WritePricingConstants(SourceWriter writer)
        {
            var pricing = _contract.Pricing;
            if (pricing is null)
            {
                return;
            }

            writer.Line();
            writer.Summary("USD value of one credit.");
            writer.Line("public const decimal CreditUsd = " + CSharpText.DecimalLiteral(pricing.CreditUsd) + ";");
            if (pricing.PerSecondUsd is decimal fixedRate)
            {
                writer.Line();
                writer.Summary("The per-" + CSharpText.Xml(pricing.PerParameter) + " USD rate the spec fixes.");
                writer.Line("public const decimal PerSecondUsd = " + CSharpText.DecimalLiteral(fixedRate) + ";");
            }
        }

        private void WriteEstimateCredits(SourceWriter writer)
        {
            var pricing = _contract.Pricing;
            var per = pricing is null ? null : FindParameter(pricing.PerParameter);
            if (pricing is null || per is null || (per.Parameter.Type != ParameterType.Integer && per.Parameter.Type != ParameterType.Number) || pricing.CreditUsd <= 0m)
            {
                return;
            }

            var formula = "ceil(perSecondUsd × multipliers × " + CSharpText.Xml(per.Parameter.Name) + " / " + CSharpText.Number(pricing.CreditUsd) + ")";
            writer.Line();
            writer.Summary("The credits <paramref name=\"request\"/> costs at <paramref name=\"perSecondUsd\"/>: " + formula + ", in exact decimal arithmetic (the descriptor's <c>ChannelPricing.EstimateCredits</c>).");
            writer.Line("/// <remarks>" + CSharpText.XmlSentence(pricing.Doc ?? "The per-second rate is configuration") + MultiplierRemark(pricing) + "</remarks>");
            writer.Line("/// <param name=\"request\">The request.</param>");
            writer.Line("/// <param name=\"perSecondUsd\">The channel's USD rate per unit of <c>" + CSharpText.Xml(per.Parameter.Name) + "</c> (from the model page or configuration).</param>");
            writer.Line("/// <returns>The credits; null when a parameter the price depends on is unset and the API's default for it is unknown.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"request\"/> is null.</exception>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"perSecondUsd\"/> is negative, or the request's <c>"
                + CSharpText.Xml(per.Parameter.Name) + "</c> is (an invalid request).</exception>");
            writer.Open("public static long? EstimateCredits(" + Global(RequestTypeName) + " request, decimal perSecondUsd)");
            WriteNullGuard(writer, "request");
            writer.Open("if (perSecondUsd < 0m)");
            writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(perSecondUsd), perSecondUsd, \"The rate must not be negative.\");");
            writer.Close();
            writer.Line();

            // Unset, with no default the generator knows: the price is unknown, so null (a wire caller of ChannelPricing
            // would price it without that multiplier instead).
            var priced = PricedParameters(pricing);
            var checkedForNull = new List<ParameterShape> { per };
            checkedForNull.AddRange(priced);
            foreach (var shape in checkedForNull)
            {
                if (shape.IsNullable)
                {
                    writer.Open("if (request." + shape.Property + " == null)");
                    writer.Line("return null;");
                    writer.Close();
                    writer.Line();
                }
            }

            // The formula is the descriptor's, written once in the runtime library; what is generated is only how this
            // request's properties read as the wire values the multipliers name.
            writer.Line("decimal units = (decimal)request." + per.Property + (per.IsNullable ? ".Value" : string.Empty) + ";");
            writer.Line("return Descriptor.Pricing" + (_nullable ? "!" : string.Empty) + ".EstimateCredits(perSecondUsd, units, name =>");
            writer.Open();
            WritePricedValues(writer, priced);
            writer.Close(");");
            writer.Close();

            if (pricing.PerSecondUsd is not null)
            {
                writer.Line();
                writer.Summary("The credits <paramref name=\"request\"/> costs at <see cref=\"PerSecondUsd\"/>.");
                writer.Line("/// <param name=\"request\">The request.</param>");
                writer.Line("/// <returns>The credits; null when a parameter the price depends on is unset.</returns>");
                writer.Line("public static long? EstimateCredits(" + Global(RequestTypeName) + " request) => EstimateCredits(request, PerSecondUsd);");
            }
        }

        /// <summary>
        /// The parameters a multiplier names that can match a multiplier's wire value (enum, boolean or single string),
        /// once each, in the order the multipliers name them; a multiplier on any other parameter never applies.
        /// </summary>
        private List<ParameterShape> PricedParameters(PricingSpec pricing)
        {
            var shapes = new List<ParameterShape>();
            foreach (var multiplier in pricing.Multipliers)
            {
                if (FindParameter(multiplier.Parameter) is not { } shape || shapes.Contains(shape) || shape.IsArray
                    || !(shape.IsEnum || shape.Parameter.Type == ParameterType.Boolean || shape.Parameter.Type == ParameterType.String))
                {
                    continue;
                }

                shapes.Add(shape);
            }

            return shapes;
        }

        /// <summary>
        /// The body of the <c>valueOf</c> lambda handed to <c>ChannelPricing.EstimateCredits</c>: the wire value of each
        /// priced parameter (an enum's wire word, <c>true</c>/<c>false</c>, a string as it is); null for any other name.
        /// </summary>
        private void WritePricedValues(SourceWriter writer, List<ParameterShape> priced)
        {
            if (priced.Count == 0)
            {
                writer.Line("return null;");
                return;
            }

            writer.Open("switch (name)");
            foreach (var shape in priced)
            {
                // Null-checked before the call: a nullable value type reads as its .Value.
                var value = "request." + shape.Property + (shape.IsNullable && !shape.IsReference ? ".Value" : string.Empty);
                var wire = shape.WireClass is { } wireClass ? Global(wireClass) + ".ToWireValue(" + value + ")"
                    : shape.Parameter.Type == ParameterType.Boolean ? value + " ? \"true\" : \"false\""
                    : value;
                writer.Line("case " + CSharpText.Literal(shape.Parameter.Name) + ":");
                writer.Line("    return " + wire + ";");
            }

            writer.Line("default:");
            writer.Line("    return null;");
            writer.Close();
        }

        private static string MultiplierRemark(PricingSpec pricing)
        {
            var parts = new List<string>();
            foreach (var multiplier in pricing.Multipliers)
            {
                parts.Add("<c>" + CSharpText.Xml(multiplier.Parameter) + "</c> <c>" + CSharpText.Xml(multiplier.Value) + "</c> × " + CSharpText.Number(multiplier.Multiplier));
            }

            return parts.Count == 0 ? string.Empty : " Multipliers: " + string.Join(", ", parts) + ".";
        }

        private static string TimeSpanExpression(TimeSpan value)
        {
            if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
            {
                return "global::System.TimeSpan.FromTicks(" + CSharpText.Integer(value.Ticks) + "L)";
            }

            return "new global::System.TimeSpan(" + CSharpText.Integer(value.Days) + ", " + CSharpText.Integer(value.Hours) + ", " + CSharpText.Integer(value.Minutes) + ", "
                + CSharpText.Integer(value.Seconds) + (value.Milliseconds == 0 ? string.Empty : ", " + CSharpText.Integer(value.Milliseconds)) + ")";
        }

        private static string Describe(TimeSpan value)
        {
            if (value.Ticks % TimeSpan.TicksPerDay == 0)
            {
                return CSharpText.Integer(value.Days) + (value.Days == 1 ? " day" : " days");
            }

            if (value.Ticks % TimeSpan.TicksPerHour == 0)
            {
                var hours = (long)value.TotalHours;
                return CSharpText.Integer(hours) + (hours == 1 ? " hour" : " hours");
            }

            return value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
