using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace Orchestrator.Governance.Tests
{
    /// <summary>
    /// The engine's layers (docs/architecture.md), read from the compiled assembly's type references
    /// (signatures, fields, locals and every type, method and field an instruction names), so that a
    /// shortcut through a fully qualified name is caught as well as a <c>using</c>.
    /// </summary>
    public class ArchitectureTests
    {
        /// <summary>Each folder (namespace under Orchestrator.Governance) with its rank: a type may use only its own rank or lower.</summary>
        private static readonly string[] Layers =
        {
            "Text", "Diagnostics", "Configuration", "Documents", "Suppressions", "Model", "Index", "Baseline", "Rules", "Engine", "Reports",
        };

        private static readonly ModuleDefinition Engine = ModuleDefinition.ReadModule(typeof(Governance.Engine.GovernanceEngine).Assembly.Location);

        private static string LayerOf(TypeReference type)
        {
            while (type.DeclaringType != null) type = type.DeclaringType;
            var parts = type.Namespace.Split('.');
            return parts.Length > 2 ? parts[2] : string.Empty;
        }

        /// <summary>
        /// Every engine type a type refers to: its base type, interfaces, generic constraints,
        /// attributes (and the types in their arguments), the signatures of its fields, properties and
        /// methods, its locals and caught exception types, and every type, method (with its generic
        /// arguments and signature) and field an instruction names. Constants and <c>nameof</c> leave
        /// no reference in IL and are not seen.
        /// </summary>
        private static IEnumerable<TypeReference> References(TypeDefinition type)
        {
            var found = new List<TypeReference>();
            void Add(TypeReference? t)
            {
                if (t == null) return;
                switch (t)
                {
                    case GenericInstanceType g:
                        foreach (var a in g.GenericArguments) Add(a);
                        Add(g.ElementType);
                        return;
                    case TypeSpecification spec:
                        Add(spec.ElementType);
                        return;
                    case GenericParameter _:
                        return;
                }

                if (t.Namespace.StartsWith("Orchestrator.Governance", StringComparison.Ordinal) || t.DeclaringType != null) found.Add(t);
            }

            void AddAttributes(ICustomAttributeProvider provider)
            {
                if (!provider.HasCustomAttributes) return;
                foreach (var attribute in provider.CustomAttributes)
                {
                    Add(attribute.AttributeType);
                    foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)).Concat(attribute.Fields.Select(f => f.Argument)))
                    {
                        Add(argument.Type);
                        if (argument.Value is TypeReference typeOf) Add(typeOf);
                    }
                }
            }

            void AddGenericParameters(IGenericParameterProvider provider)
            {
                foreach (var parameter in provider.GenericParameters)
                {
                    foreach (var constraint in parameter.Constraints) Add(constraint.ConstraintType);
                    AddAttributes(parameter);
                }
            }

            void AddMethod(MethodReference method)
            {
                Add(method.DeclaringType);
                Add(method.ReturnType);
                foreach (var p in method.Parameters) Add(p.ParameterType);
                if (method is GenericInstanceMethod generic) foreach (var a in generic.GenericArguments) Add(a);
            }

            Add(type.BaseType);
            foreach (var i in type.Interfaces) Add(i.InterfaceType);
            AddAttributes(type);
            AddGenericParameters(type);
            foreach (var f in type.Fields)
            {
                Add(f.FieldType);
                AddAttributes(f);
            }

            foreach (var p in type.Properties)
            {
                Add(p.PropertyType);
                AddAttributes(p);
            }

            foreach (var m in type.Methods)
            {
                Add(m.ReturnType);
                AddAttributes(m);
                AddAttributes(m.MethodReturnType);
                AddGenericParameters(m);
                foreach (var p in m.Parameters)
                {
                    Add(p.ParameterType);
                    AddAttributes(p);
                }

                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Add(v.VariableType);
                foreach (var handler in m.Body.ExceptionHandlers) Add(handler.CatchType);
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case MethodReference method:
                            AddMethod(method);
                            break;
                        case FieldReference field:
                            Add(field.DeclaringType);
                            Add(field.FieldType);
                            break;
                        case TypeReference t:
                            Add(t);
                            break;
                    }
                }
            }

            return found;
        }

        private static IEnumerable<TypeDefinition> EngineTypes() =>
            Engine.GetTypes().Where(t => t.Namespace.StartsWith("Orchestrator.Governance", StringComparison.Ordinal) || t.DeclaringType != null);

        [Fact]
        public void Every_folder_of_the_engine_is_a_known_layer()
        {
            var unknown = EngineTypes().Select(t => LayerOf(t)).Where(l => l.Length > 0 && Array.IndexOf(Layers, l) < 0).Distinct().ToList();
            Assert.True(unknown.Count == 0, "Folders with no place among the layers (add them to docs/architecture.md and to Layers): " + string.Join(", ", unknown));
        }

        [Fact]
        public void No_engine_type_stands_outside_a_layer()
        {
            // Issue 35: a type in the root namespace (Orchestrator.Governance) has no rank, so the layer check never saw it.
            var outside = EngineTypes()
                .Where(t => t.DeclaringType == null && t.Namespace.StartsWith("Orchestrator.Governance", StringComparison.Ordinal) && LayerOf(t).Length == 0)
                .Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(outside.Count == 0, "Engine types outside every layer (move them into the folder of the layer they belong to): " + string.Join(", ", outside));
        }

        [Fact]
        public void The_layers_are_those_docs_architecture_md_draws_in_the_same_order()
        {
            var dir = new System.IO.DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            string doc = System.IO.File.ReadAllText(System.IO.Path.Combine(dir!.FullName, "docs", "architecture.md"));
            int start = doc.IndexOf("```text\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "docs/architecture.md has no diagram");
            string diagram = doc.Substring(start, doc.IndexOf("```", start + 7, StringComparison.Ordinal) - start);
            // Drawn top (highest) to bottom: one layer a line, its name first.
            var drawn = System.Text.RegularExpressions.Regex.Matches(diagram, @"^ (?<layer>[A-Z][a-z]+) ", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Groups["layer"].Value).Reverse().ToList();
            Assert.Equal(Layers, drawn);
        }

        [Fact]
        public void A_layer_uses_only_itself_and_the_layers_below_it()
        {
            var violations = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in EngineTypes())
            {
                string from = LayerOf(type);
                int rank = Array.IndexOf(Layers, from);
                foreach (var used in References(type))
                {
                    string to = LayerOf(used);
                    int usedRank = Array.IndexOf(Layers, to);
                    if (rank >= 0 && usedRank > rank) violations.Add($"{from} -> {to}: {type.FullName} uses {used.FullName}");
                }
            }

            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }

        [Fact]
        public void No_rule_calls_another_rule()
        {
            var bases = new[] { "TaskPacketRule", "RepositoryRule", "StateFileRule", "HeaderRule" };
            bool IsRule(TypeDefinition? t)
            {
                // The source rules (Rules/Source) are static classes that declare a descriptor.
                if (t != null && t.IsAbstract && t.IsSealed && t.Namespace == "Orchestrator.Governance.Rules.Source" && t.Fields.Any(f => f.Name == "Rule")) return true;
                for (var b = t?.BaseType; b != null; b = b.Resolve()?.BaseType)
                    if (bases.Contains(b.Name) && b.Namespace.StartsWith("Orchestrator.Governance.Rules", StringComparison.Ordinal)) return true;
                return false;
            }

            IEnumerable<TypeDefinition> WithNested(TypeDefinition t) => new[] { t }.Concat(t.NestedTypes.SelectMany(WithNested));

            // Rules and the abstract bases some of them share (UncoveredRequirementRule).
            var rules = EngineTypes().Where(t => t.DeclaringType == null && IsRule(t)).ToList();
            Assert.True(rules.Count > 50, $"only {rules.Count} rules found");
            var names = new HashSet<string>(rules.Select(r => r.FullName), StringComparer.Ordinal);
            var calls = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                foreach (var nested in WithNested(rule))
                {
                    foreach (var used in References(nested))
                    {
                        var outer = used;
                        while (outer.DeclaringType != null) outer = outer.DeclaringType;
                        bool ownBase = false;
                        for (var b = rule.BaseType; b != null && !ownBase; b = b.Resolve()?.BaseType) ownBase = b.FullName == outer.FullName;
                        if (outer.FullName != rule.FullName && !ownBase && names.Contains(outer.FullName)) calls.Add($"{rule.Name} uses {outer.Name}");
                    }
                }
            }

            // Nor does a helper of the Rules folder (a shared reader, the catalog) name a rule class:
            // what rules share lives in the model, and the catalog finds rules by reflection.
            foreach (var helper in EngineTypes().Where(t => LayerOf(t) == "Rules"))
            {
                var outerHelper = helper;
                while (outerHelper.DeclaringType != null) outerHelper = outerHelper.DeclaringType;
                if (names.Contains(outerHelper.FullName)) continue;
                foreach (var used in References(helper))
                {
                    var outer = used;
                    while (outer.DeclaringType != null) outer = outer.DeclaringType;
                    if (names.Contains(outer.FullName) && !outer.Resolve().IsAbstract) calls.Add($"{helper.Name} (not a rule) uses {outer.Name}");
                }
            }

            Assert.True(calls.Count == 0, string.Join("\n", calls));
        }
    }
}
