using System.Collections.Generic;
using GrokContracts.Spec;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    private sealed partial class Emitter
    {
        private const string ViolationType = "global::GrokContracts.ContractViolation";
        private const string ViolationListType = "global::System.Collections.Generic.List<" + ViolationType + ">";
        private const string ReadOnlyViolationsType = "global::System.Collections.Generic.IReadOnlyList<" + ViolationType + ">";
        private const string EncodedTextType = "global::System.Text.Json.JsonEncodedText";

        /// <summary>The immutable request type: constructor, properties, <c>With…</c> copies, validation and wire JSON.</summary>
        private string EmitRequest()
        {
            var writer = StartFile();
            var type = Global(RequestTypeName);

            writer.Summary("A request to the <c>" + CSharpText.Xml(_contract.ModelId) + "</c> channel. " + CSharpText.XmlSentence(_contract.Summary));
            writer.Line("/// <remarks>");
            if (_contract.Doc is not null)
            {
                writer.Line("/// <para>" + CSharpText.XmlSentence(_contract.Doc) + "</para>");
            }

            writer.Line("/// <para>Immutable: the constructor takes the required parameters, the <c>With</c> methods return modified copies.");
            writer.Line("/// <see cref=\"Validate\"/> lists every contract violation with the API's code and message, <see cref=\"WriteTo\"/> writes the wire JSON.</para>");
            writer.Line("/// </remarks>");
            WriteGeneratedCode(writer);
            writer.Open(Accessibility + " sealed partial class " + RequestTypeName + " : global::GrokContracts.IContractRequest");

            WriteEncodedNames(writer);
            WriteFields(writer);
            WriteConstructor(writer);
            WriteProperties(writer);
            WriteWithMethods(writer, type);
            WriteValidate(writer);
            WriteEnsureValid(writer);
            WriteSerialization(writer);
            WriteHelpers(writer, type);

            writer.Close();
            return EndFile(writer);
        }

        private void WriteEncodedNames(SourceWriter writer)
        {
            // Property names (and the model id) are encoded once per process, as System.Text.Json's generator does.
            writer.Line("private static readonly " + EncodedTextType + " s_modelName = " + EncodedTextType + ".Encode(\"model\");");
            writer.Line("private static readonly " + EncodedTextType + " s_modelValue = " + EncodedTextType + ".Encode(" + Global(ChannelTypeName) + ".ModelId);");
            foreach (var shape in _parameters)
            {
                writer.Line("private static readonly " + EncodedTextType + " " + NameField(shape) + " = " + EncodedTextType + ".Encode(" + shape.WireLiteral + ");");
            }

            writer.Line();
        }

        // "s_name_" cannot collide with s_modelName / s_modelValue whatever the parameter is called.
        private static string NameField(ParameterShape shape) => "s_name_" + shape.Property;

        private void WriteFields(SourceWriter writer)
        {
            foreach (var shape in _parameters)
            {
                writer.Line("private " + shape.DeclaredType(_nullable) + " " + shape.Field + ";");
            }

            writer.Line();
        }

        private void WriteConstructor(SourceWriter writer)
        {
            var ctorParameters = new List<ParameterShape>();
            foreach (var shape in _parameters)
            {
                if (shape.IsCtorParameter)
                {
                    ctorParameters.Add(shape);
                }
            }

            writer.Summary(ctorParameters.Count == 0
                ? "Creates a request; every parameter starts at the spec's default, or unset."
                : "Creates a request from the required parameters; the optional ones start at the spec's default, or unset.");
            var throwsNull = new List<string>();
            foreach (var shape in ctorParameters)
            {
                writer.Line("/// <param name=\"" + shape.Argument.TrimStart('@') + "\">" + ParameterSummary(shape.Parameter) + "</param>");
                if (shape.IsReference)
                {
                    throwsNull.Add("<paramref name=\"" + shape.Argument.TrimStart('@') + "\"/>");
                }
            }

            if (throwsNull.Count > 0)
            {
                writer.Line("/// <exception cref=\"global::System.ArgumentNullException\">" + string.Join(" or ", throwsNull) + " is null.</exception>");
            }

            var arguments = new List<string>();
            for (var i = 0; i < ctorParameters.Count; i++)
            {
                var shape = ctorParameters[i];
                var isParams = shape.IsArray && i == ctorParameters.Count - 1;
                arguments.Add((isParams ? "params string[] " : shape.IsArray ? "string[] " : shape.Type + " ") + shape.Argument);
            }

            writer.Open("public " + RequestTypeName + "(" + string.Join(", ", arguments) + ")");
            foreach (var shape in ctorParameters)
            {
                if (shape.IsReference)
                {
                    WriteNullGuard(writer, shape.Argument);
                }
            }

            foreach (var shape in _parameters)
            {
                if (shape.IsCtorParameter)
                {
                    writer.Line(shape.Field + " = " + (shape.IsArray ? "CopyOf(" + shape.Argument + ")" : shape.Argument) + ";");
                }
                else if (shape.DefaultLiteral is not null)
                {
                    writer.Line(shape.Field + " = " + shape.DefaultLiteral + ";");
                }
            }

            writer.Close();
            writer.Line();
        }

        private static void WriteNullGuard(SourceWriter writer, string argument)
        {
            writer.Open("if (" + argument + " == null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(" + argument + "));");
            writer.Close();
            writer.Line();
        }

        private void WriteProperties(SourceWriter writer)
        {
            writer.Summary("The channel's model id, <c>" + CSharpText.Xml(_contract.ModelId) + "</c>, written first as the request's <c>model</c>.");
            writer.Line("public string ModelId => " + Global(ChannelTypeName) + ".ModelId;");
            writer.Line();
            writer.Summary("The channel's run-time descriptor, <see cref=\"" + ChannelTypeName + ".Descriptor\"/> (explicit, so no parameter name can clash with it).");
            writer.Line("global::GrokContracts.ChannelDescriptor global::GrokContracts.IContractRequest.Channel => " + Global(ChannelTypeName) + ".Descriptor;");
            foreach (var shape in _parameters)
            {
                writer.Line();
                writer.Summary(ParameterSummary(shape.Parameter));
                writer.Line("/// <remarks>" + ParameterFacts(shape) + "</remarks>");
                writer.Line("public " + shape.DeclaredType(_nullable) + " " + shape.Property + " => " + shape.Field + ";");
            }

            writer.Line();
        }

        private void WriteWithMethods(SourceWriter writer, string type)
        {
            foreach (var shape in _parameters)
            {
                var argument = shape.Argument;
                var argumentName = argument.TrimStart('@');
                writer.Summary("A copy of this request with <see cref=\"" + shape.Property + "\"/> set to <paramref name=\"" + argumentName + "\"/>"
                    + (shape.IsNullable ? " (null omits the parameter from the request)." : "."));
                writer.Line("/// <param name=\"" + argumentName + "\">" + ParameterSummary(shape.Parameter) + "</param>");
                writer.Line("/// <returns>A new request; this one is unchanged.</returns>");
                if (shape.IsReference && !shape.IsNullable)
                {
                    writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"" + argumentName + "\"/> is null.</exception>");
                }

                var parameterType = shape.IsArray
                    ? "params " + (shape.IsNullable ? NullableReference("string[]") : "string[]")
                    : shape.DeclaredType(_nullable);
                writer.Open("public " + type + " With" + shape.Property + "(" + parameterType + " " + argument + ")");
                if (shape.IsReference && !shape.IsNullable)
                {
                    WriteNullGuard(writer, argument);
                }

                writer.Line("var copy = MemberwiseCopy();");
                var value = !shape.IsArray ? argument
                    : shape.IsNullable ? argument + " == null ? null : CopyOf(" + argument + ")"
                    : "CopyOf(" + argument + ")";
                writer.Line("copy." + shape.Field + " = " + value + ";");
                writer.Line("return copy;");
                writer.Close();
                writer.Line();
            }
        }

        private void WriteEnsureValid(SourceWriter writer)
        {
            writer.Summary("Throws when the request breaks its contract (before anything is sent); otherwise returns it.");
            writer.Line("/// <returns>This request.</returns>");
            writer.Line("/// <exception cref=\"global::GrokContracts.ContractValidationException\">The request breaks the contract; the code and message are those of the first violation.</exception>");
            writer.Open("public " + Global(RequestTypeName) + " EnsureValid()");
            writer.Line("var violations = Validate();");
            writer.Open("if (violations.Count != 0)");
            writer.Line("throw new global::GrokContracts.ContractValidationException(" + Global(ChannelTypeName) + ".ModelId, violations);");
            writer.Close();
            writer.Line();
            writer.Line("return this;");
            writer.Close();
            writer.Line();
        }

        private void WriteSerialization(SourceWriter writer)
        {
            writer.Summary("Writes the request body as one JSON object: <c>model</c> first, then the parameters in spec order; unset optional parameters are omitted.");
            writer.Line("/// <param name=\"writer\">The JSON writer.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"writer\"/> is null.</exception>");
            writer.Open("public void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)");
            WriteNullGuard(writer, "writer");
            writer.Line("writer.WriteStartObject();");
            writer.Line("writer.WriteString(s_modelName, s_modelValue);");
            foreach (var shape in _parameters)
            {
                var name = NameField(shape);
                var value = shape.IsNullable && !shape.IsReference ? shape.Field + ".Value" : shape.Field;
                if (shape.IsNullable)
                {
                    writer.Open("if (" + shape.Field + " != null)");
                }

                switch (shape.Parameter.Type)
                {
                    case ParameterType.StringArray:
                        writer.Line("writer.WriteStartArray(" + name + ");");
                        writer.Open("for (var i = 0; i < " + shape.Field + ".Count; i++)");
                        writer.Line("writer.WriteStringValue(" + shape.Field + "[i]);");
                        writer.Close();
                        writer.Line();
                        writer.Line("writer.WriteEndArray();");
                        break;
                    case ParameterType.Integer:
                    case ParameterType.Number:
                        writer.Line("writer.WriteNumber(" + name + ", " + value + ");");
                        break;
                    case ParameterType.Boolean:
                        writer.Line("writer.WriteBoolean(" + name + ", " + value + ");");
                        break;
                    default:
                        writer.Line("writer.WriteString(" + name + ", " + (shape.IsEnum ? Global(shape.Parameter.EnumName + "Wire") + ".ToWireValue(" + value + ")" : value) + ");");
                        break;
                }

                if (shape.IsNullable)
                {
                    writer.Close();
                }
            }

            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Line();

            writer.Summary("The request body as JSON text.");
            writer.Line("/// <returns>The wire JSON.</returns>");
            writer.Line("public string ToJson() => global::GrokContracts.ContractJson.ToJson(this);");
            writer.Line();
            writer.Summary("The request body as UTF-8 JSON bytes.");
            writer.Line("/// <returns>The wire JSON.</returns>");
            writer.Line("public byte[] ToUtf8Bytes() => global::GrokContracts.ContractJson.ToUtf8Bytes(this);");
            writer.Line();
            writer.Summary("The request body as JSON (requests hold no secrets).");
            writer.Line("/// <returns>The wire JSON.</returns>");
            writer.Line("public override string ToString() => ToJson();");
            writer.Line();
        }

        private void WriteHelpers(SourceWriter writer, string type)
        {
            writer.Line("private " + type + " MemberwiseCopy() => (" + type + ")MemberwiseClone();");
            var hasArray = false;
            foreach (var shape in _parameters)
            {
                hasArray |= shape.IsArray;
            }

            if (hasArray)
            {
                writer.Line();
                writer.Open("private static global::System.Collections.Generic.IReadOnlyList<string> CopyOf(string[] values)");
                writer.Line("var copy = new string[values.Length];");
                writer.Line("global::System.Array.Copy(values, copy, values.Length);");
                writer.Line("return new global::System.Collections.ObjectModel.ReadOnlyCollection<string>(copy);");
                writer.Close();
            }

            writer.Line();
            writer.Open("private static void AddViolation(ref " + NullableReference(ViolationListType) + " violations, " + ViolationType + " violation)");
            writer.Open("if (violations == null)");
            writer.Line("violations = new " + ViolationListType + "();");
            writer.Close();
            writer.Line();
            writer.Line("violations.Add(violation);");
            writer.Close();
        }

        /// <summary>The parameter's doc as an XML sentence.</summary>
        private static string ParameterSummary(Parameter parameter)
            => CSharpText.XmlSentence(parameter.Doc ?? "The " + parameter.Name + " parameter");

        /// <summary>Wire name, JSON type, requirement, default, range, items and format, as XML doc text.</summary>
        private static string ParameterFacts(ParameterShape shape)
        {
            var p = shape.Parameter;
            var facts = new List<string>
            {
                "Wire name <c>" + CSharpText.Xml(p.Name) + "</c>, a JSON " + JsonTypeName(p.Type) + (p.Unit is null ? string.Empty : " in " + CSharpText.Xml(p.Unit)) + ".",
            };
            if (p.Required)
            {
                facts.Add(p.NonEmpty ? "Required, non-empty." : "Required.");
            }
            else if (p.Default is not null)
            {
                facts.Add("Optional; default <c>" + CSharpText.Xml(p.Default.ToString()) + "</c>.");
            }
            else
            {
                facts.Add("Optional; omitted from the request while null" + (p.NonEmpty ? ", non-empty when set." : "."));
            }

            if (p.Minimum is not null || p.Maximum is not null)
            {
                facts.Add("Range: " + (p.Minimum is decimal min ? CSharpText.Number(min) : "any") + "-" + (p.Maximum is decimal max ? CSharpText.Number(max) : "any") + ".");
            }

            if (p.MinItems is not null || p.MaxItems is not null)
            {
                facts.Add(p.MinItems is int min && p.MaxItems is int max && min == max
                    ? "Exactly " + CSharpText.Integer(min) + (min == 1 ? " entry." : " entries.")
                    : "Entries: " + (p.MinItems is int least ? CSharpText.Integer(least) : "0") + "-" + (p.MaxItems is int most ? CSharpText.Integer(most) : "any") + ".");
            }

            if (shape.IsEnum)
            {
                facts.Add("Wire values: " + CSharpText.Xml(AllowedValuesText(p)) + ".");
            }

            if (p.Format == StringFormat.PublicHttpUrl)
            {
                facts.Add(p.Type == ParameterType.StringArray ? "Each entry a public http(s) URL." : "A public http(s) URL.");
            }

            return string.Join(" ", facts);
        }

        private static string JsonTypeName(ParameterType type) => type switch
        {
            ParameterType.Integer => "integer",
            ParameterType.Number => "number",
            ParameterType.Boolean => "boolean",
            ParameterType.StringArray => "array of strings",
            _ => "string",
        };
    }
}
