using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NJsonSchema.Validation;

namespace Orchestrator.Governance.Configuration
{
    /// <summary>NJsonSchema validation errors as messages, shared by governance.yml and the state files.</summary>
    internal static class SchemaErrors
    {
        /// <summary>The leaf errors: NJsonSchema nests the errors of oneOf/anyOf branches.</summary>
        public static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
        {
            foreach (var error in errors)
            {
                if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
                {
                    foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value))) yield return inner;
                }
                else
                {
                    yield return error;
                }
            }
        }

        /// <summary>A short message naming the JSON path and what is wrong.</summary>
        public static string Describe(ValidationError error)
        {
            string path = (error.Path ?? "#").TrimStart('#', '/');
            if (path.Length == 0) path = "(root)";
            string key = error.Property ?? path;
            switch (error.Kind)
            {
                case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                {
                    int dot = path.LastIndexOf('.');
                    return dot < 0 ? $"unknown key '{key}'" : $"unknown key '{key}' in '{path.Substring(0, dot)}'";
                }
                case ValidationErrorKind.NotInEnumeration:
                    return $"'{path}' must be one of: {string.Join(", ", error.Schema?.Enumeration ?? Enumerable.Empty<object>())}";
                case ValidationErrorKind.IntegerExpected:
                case ValidationErrorKind.StringExpected:
                case ValidationErrorKind.ArrayExpected:
                case ValidationErrorKind.ObjectExpected:
                case ValidationErrorKind.BooleanExpected:
                    return $"'{path}': {SplitWords(error.Kind.ToString()).ToLowerInvariant()}";
                case ValidationErrorKind.NumberTooSmall:
                case ValidationErrorKind.NumberTooBig:
                    return $"'{path}' is out of range ({SplitWords(error.Kind.ToString()).ToLowerInvariant()})";
                case ValidationErrorKind.PropertyRequired:
                    return $"'{path}' is required";
                default:
                    return $"'{path}': {SplitWords(error.Kind.ToString()).ToLowerInvariant()}";
            }
        }

        private static string SplitWords(string pascal) => Regex.Replace(pascal, "(?<=[a-z])(?=[A-Z])", " ");
    }
}
