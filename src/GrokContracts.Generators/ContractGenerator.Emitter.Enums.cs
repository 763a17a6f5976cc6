using System.Collections.Generic;
using GrokContracts.Spec;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    private sealed partial class Emitter
    {
        /// <summary>The enum of a parameter's allowed values and its <c>&lt;Enum&gt;Wire</c> helpers.</summary>
        private string EmitEnum(ParameterShape shape)
        {
            var parameter = shape.Parameter;
            var enumName = parameter.EnumName!;
            var wireClass = shape.WireClass!;
            var enumType = Global(enumName);
            var allowedText = AllowedValuesText(parameter);
            var writer = StartFile();

            writer.Summary(CSharpText.XmlSentence(parameter.Doc ?? "Allowed values of " + parameter.Name));
            writer.Line("/// <remarks>Values of the <c>" + CSharpText.Xml(parameter.Name) + "</c> parameter of the <c>" + CSharpText.Xml(_contract.ModelId)
                + "</c> channel" + DefaultRemark(parameter) + ". Wire values: " + CSharpText.Xml(allowedText)
                + "; convert with <see cref=\"" + wireClass + "\"/>.</remarks>");
            WriteGeneratedCode(writer);
            writer.Open(Accessibility + " enum " + enumName);
            var index = 0;
            foreach (var value in parameter.AllowedValues)
            {
                if (index > 0)
                {
                    writer.Line();
                }

                var doc = value.Doc is null ? string.Empty : CSharpText.XmlSentence(value.Doc) + " ";
                writer.Summary(doc + "Wire value <c>" + CSharpText.Xml(value.Value) + "</c>.");
                writer.Line(value.MemberName + " = " + CSharpText.Integer(index) + ",");
                index++;
            }

            writer.Close();
            writer.Line();

            var nullableString = NullableReference("string");
            writer.Summary("Converts <see cref=\"" + enumName + "\"/> to and from its wire values (ordinal, case-sensitive, as the API compares them).");
            WriteGeneratedCode(writer);
            writer.Open(Accessibility + " static class " + wireClass);
            writer.Summary("The wire values in spec order, separated by <c>, </c>: " + CSharpText.Xml(allowedText) + ".");
            writer.Line("public const string AllowedValues = " + CSharpText.Literal(allowedText) + ";");
            writer.Line();

            writer.Summary("The wire value of <paramref name=\"value\"/>, e.g. <c>" + CSharpText.Xml(parameter.AllowedValues[0].Value) + "</c>.");
            writer.Line("/// <param name=\"value\">The value.</param>");
            writer.Line("/// <returns>The string the API expects; no allocation.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a defined member.</exception>");
            writer.Open("public static string ToWireValue(this " + enumType + " value)");
            writer.Open("switch (value)");
            foreach (var value in parameter.AllowedValues)
            {
                writer.Line("case " + enumType + "." + value.MemberName + ": return " + CSharpText.Literal(value.Value) + ";");
            }

            writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + CSharpText.Literal("Not a defined " + enumName + " value.") + ");");
            writer.Close();
            writer.Close();
            writer.Line();

            writer.Summary("The member whose wire value is <paramref name=\"value\"/> (ordinal, case-sensitive).");
            writer.Line("/// <param name=\"value\">A wire value, e.g. <c>" + CSharpText.Xml(parameter.AllowedValues[0].Value) + "</c>.</param>");
            writer.Line("/// <returns>The member.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
            writer.Line("/// <exception cref=\"global::System.FormatException\"><paramref name=\"value\"/> is not an allowed value.</exception>");
            writer.Open("public static " + enumType + " Parse(string value)");
            writer.Open("if (value == null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(value));");
            writer.Close();
            writer.Line();
            writer.Line(enumType + " result;");
            writer.Open("if (TryParse(value, out result))");
            writer.Line("return result;");
            writer.Close();
            writer.Line();
            writer.Line("throw new global::System.FormatException(" + CSharpText.Literal("'") + " + value + "
                + CSharpText.Literal("' is not an allowed " + parameter.Name + " value (allowed: " + allowedText + ").") + ");");
            writer.Close();
            writer.Line();

            writer.Summary("Finds the member whose wire value is <paramref name=\"value\"/> (ordinal, case-sensitive).");
            writer.Line("/// <param name=\"value\">A wire value, or null.</param>");
            writer.Line("/// <param name=\"result\">The member when found; otherwise the default value.</param>");
            writer.Line("/// <returns>Whether <paramref name=\"value\"/> is an allowed value.</returns>");
            writer.Open("public static bool TryParse(" + nullableString + " value, out " + enumType + " result)");
            writer.Open("switch (value)");
            foreach (var value in parameter.AllowedValues)
            {
                writer.Line("case " + CSharpText.Literal(value.Value) + ":");
                writer.Line("    result = " + enumType + "." + value.MemberName + ";");
                writer.Line("    return true;");
            }

            writer.Line("default:");
            writer.Line("    result = default(" + enumType + ");");
            writer.Line("    return false;");
            writer.Close();
            writer.Close();
            writer.Line();

            writer.Summary("Whether <paramref name=\"value\"/> is a defined member (a cast can make any integer an enum value).");
            writer.Line("/// <param name=\"value\">The value.</param>");
            writer.Line("/// <returns>True for a member of the spec.</returns>");
            writer.Line("public static bool IsDefined(" + enumType + " value) => value >= " + enumType + "." + parameter.AllowedValues[0].MemberName
                + " && value <= " + enumType + "." + parameter.AllowedValues[parameter.AllowedValues.Count - 1].MemberName + ";");
            writer.Close();
            return EndFile(writer);
        }

        /// <summary>The wire values joined by <c>, </c>.</summary>
        private static string AllowedValuesText(Parameter parameter)
        {
            var values = new List<string>(parameter.AllowedValues.Count);
            foreach (var value in parameter.AllowedValues)
            {
                values.Add(value.Value);
            }

            return string.Join(", ", values);
        }

        /// <summary>E.g. <c> (default <c>16:9</c>)</c>, or empty.</summary>
        private static string DefaultRemark(Parameter parameter)
            => parameter.Default is null ? string.Empty : " (default <c>" + CSharpText.Xml(parameter.Default.Kind == ContractValueKind.String ? parameter.Default.String : parameter.Default.ToString()) + "</c>)";
    }
}
