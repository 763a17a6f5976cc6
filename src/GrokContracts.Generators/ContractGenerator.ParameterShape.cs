using GrokContracts.Spec;

namespace GrokContracts.Generators;

public sealed partial class ContractGenerator
{
    /// <summary>How one spec parameter looks in C#: names, types, default. Computed by the emitter, never cached.</summary>
    private sealed class ParameterShape
    {
        public ParameterShape(Parameter parameter, string ns)
        {
            Parameter = parameter;
            Property = parameter.PropertyName;
            Argument = CSharpText.Identifier(ContractNaming.ArgumentName(parameter));
            Field = "_" + ContractNaming.ArgumentName(parameter);
            WithMethod = ContractNaming.WithMethodName(parameter);
            WireClass = ContractNaming.WireClassName(parameter);
            IsEnum = ContractNaming.IsEnum(parameter);
            IsArray = parameter.Type == ParameterType.StringArray;
            IsReference = IsArray || (parameter.Type == ParameterType.String && !IsEnum);
            Type = parameter.Type switch
            {
                _ when IsEnum => "global::" + ns + "." + parameter.EnumName,
                ParameterType.StringArray => "global::System.Collections.Generic.IReadOnlyList<string>",
                ParameterType.Integer => "int",
                ParameterType.Number => "double",
                ParameterType.Boolean => "bool",
                _ => "string",
            };
            IsCtorParameter = parameter.Required;
            DefaultLiteral = parameter.Required ? null : DefaultOf(parameter, Type, IsEnum);
            IsNullable = !IsCtorParameter && DefaultLiteral is null;
        }

        public Parameter Parameter { get; }

        /// <summary>C# property name.</summary>
        public string Property { get; }

        /// <summary>C# parameter name (camelCase, keyword-escaped).</summary>
        public string Argument { get; }

        /// <summary>Backing field name.</summary>
        public string Field { get; }

        /// <summary>The fluent setter, e.g. <c>WithDuration</c>.</summary>
        public string WithMethod { get; }

        /// <summary>The enum's <c>…Wire</c> helper class, or null when the parameter is not an enum.</summary>
        public string? WireClass { get; }

        /// <summary>Fully qualified C# type without nullability.</summary>
        public string Type { get; }

        public bool IsEnum { get; }

        public bool IsArray { get; }

        public bool IsReference { get; }

        /// <summary>A required parameter: a constructor argument, never null.</summary>
        public bool IsCtorParameter { get; }

        /// <summary>An optional parameter without default: nullable, omitted from the JSON when null.</summary>
        public bool IsNullable { get; }

        /// <summary>The C# expression of the spec default, or null.</summary>
        public string? DefaultLiteral { get; }

        /// <summary>The wire name as a C# literal.</summary>
        public string WireLiteral => CSharpText.Literal(Parameter.Name);

        /// <summary>The JSON path of the value as a C# literal, e.g. <c>"$.duration"</c> (<see cref="ContractRules.PathOf"/>, as the rules write it).</summary>
        public string PathLiteral => CSharpText.Literal(ContractRules.PathOf(Parameter.Name));

        /// <summary>The C# type of the property (nullable where the parameter is).</summary>
        public string DeclaredType(bool nullableAnnotations)
            => !IsNullable ? Type : IsReference ? (nullableAnnotations ? Type + "?" : Type) : Type + "?";

        /// <summary>The minimum as a C# literal of the property's type, or null.</summary>
        public string? MinimumLiteral => Parameter.Minimum is decimal min ? NumberLiteral(decimal.Ceiling(min), min) : null;

        /// <summary>The maximum as a C# literal of the property's type, or null.</summary>
        public string? MaximumLiteral => Parameter.Maximum is decimal max ? NumberLiteral(decimal.Floor(max), max) : null;

        private string NumberLiteral(decimal integral, decimal exact)
            => Parameter.Type == ParameterType.Integer ? CSharpText.Number(integral) : CSharpText.DoubleLiteral(exact);

        private static string? DefaultOf(Parameter parameter, string type, bool isEnum)
        {
            var value = parameter.Default;
            if (value is null)
            {
                return null;
            }

            switch (value.Kind)
            {
                case ContractValueKind.String when isEnum:
                    var allowed = parameter.FindAllowedValue(value.String ?? string.Empty);
                    return allowed is null ? null : type + "." + allowed.MemberName;
                case ContractValueKind.String when parameter.Type == ParameterType.String:
                    return CSharpText.Literal(value.String ?? string.Empty);
                case ContractValueKind.Number when parameter.Type == ParameterType.Integer && decimal.Truncate(value.Number) == value.Number:
                    return CSharpText.Number(value.Number);
                case ContractValueKind.Number when parameter.Type == ParameterType.Number:
                    return CSharpText.DoubleLiteral(value.Number);
                case ContractValueKind.Boolean when parameter.Type == ParameterType.Boolean:
                    return CSharpText.Bool(value.Boolean);
                default:
                    return null;
            }
        }
    }
}
