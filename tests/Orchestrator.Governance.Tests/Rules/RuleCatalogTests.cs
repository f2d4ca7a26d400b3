using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Orchestrator.Governance.Diagnostics;
using Orchestrator.Governance.Rules;
using Xunit;

namespace Orchestrator.Governance.Tests.Rules
{
    /// <summary>
    /// One source for each rule's facts: the rule class declares its descriptor (the static
    /// <c>Rule</c> field), its name carries the ID (GOV107FieldValueNotAllowed, in
    /// Rules/TaskPackets/GOV107FieldValueNotAllowed.cs), and the catalog finds every rule class
    /// (one that cannot be created would be skipped silently) and every descriptor exactly once.
    /// </summary>
    public class RuleCatalogTests
    {
        private static readonly Assembly Engine = typeof(RuleCatalog).Assembly;

        private static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln"))) dir = dir.Parent;
            return dir!.FullName;
        }

        private static readonly Type[] RuleBases = { typeof(TaskPacketRule), typeof(RepositoryRule), typeof(StateFileRule), typeof(HeaderRule) };

        private static IEnumerable<Type> RuleClasses() =>
            Engine.GetTypes().Where(t => !t.IsAbstract && RuleBases.Any(b => b.IsAssignableFrom(t)));

        private static IEnumerable<FieldInfo> DescriptorFields() =>
            Engine.GetTypes().SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                .Where(f => f.FieldType == typeof(RuleDescriptor));

        [Fact]
        public void Every_rule_class_is_found_once_in_ID_order_and_reports_the_descriptor_it_declares()
        {
            var listed = RuleCatalog.TaskPacketRules.Cast<object>().Concat(RuleCatalog.RepositoryRules).Concat(RuleCatalog.StateFileRules).Concat(RuleCatalog.HeaderRules)
                .Select(r => r.GetType()).ToList();
            Assert.Equal(RuleClasses().OrderBy(t => t.Name, StringComparer.Ordinal), listed.OrderBy(t => t.Name, StringComparer.Ordinal));
            Assert.Equal(listed.Count, listed.Distinct().Count());
            foreach (var ids in new[] { RuleCatalog.TaskPacketRules.Select(r => r.Descriptor.Id), RuleCatalog.RepositoryRules.Select(r => r.Descriptor.Id), RuleCatalog.StateFileRules.Select(r => r.Descriptor.Id), RuleCatalog.HeaderRules.Select(r => r.Descriptor.Id) })
                Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
            foreach (var rule in RuleCatalog.TaskPacketRules.Select(r => (r.GetType(), r.Descriptor))
                .Concat(RuleCatalog.RepositoryRules.Select(r => (r.GetType(), r.Descriptor)))
                .Concat(RuleCatalog.StateFileRules.Select(r => (r.GetType(), r.Descriptor)))
                .Concat(RuleCatalog.HeaderRules.Select(r => (r.GetType(), r.Descriptor))))
            {
                var declared = rule.Item1.GetField("Rule", BindingFlags.Public | BindingFlags.Static);
                Assert.True(declared != null, rule.Item1.Name + " declares no static Rule descriptor");
                Assert.Same(declared!.GetValue(null), rule.Descriptor);
            }
        }

        [Fact]
        public void Each_rule_s_class_and_file_are_named_after_its_ID()
        {
            string rules = Path.Combine(Root(), "src", "Orchestrator.Governance", "Rules");
            foreach (var field in DescriptorFields().Where(f => f.DeclaringType!.Namespace!.StartsWith("Orchestrator.Governance.Rules", StringComparison.Ordinal)))
            {
                var type = field.DeclaringType!;
                var descriptor = (RuleDescriptor)field.GetValue(null)!;
                Assert.Equal("Rule", field.Name);
                Assert.StartsWith(descriptor.Id, type.Name, StringComparison.Ordinal);
                string folder = type.Namespace!.Substring("Orchestrator.Governance.Rules.".Length);
                Assert.True(File.Exists(Path.Combine(rules, folder, type.Name + ".cs")), $"{type.FullName} is not in Rules/{folder}/{type.Name}.cs");
            }
        }

        [Fact]
        public void The_catalog_holds_every_descriptor_declared_anywhere_once_ordered_by_ID()
        {
            var declared = DescriptorFields().Select(f => (RuleDescriptor)f.GetValue(null)!).ToList();
            Assert.Equal(declared.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), RuleCatalog.All.Select(d => d.Id));
            Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(d => d.Id).Distinct().Count());
            Assert.All(RuleCatalog.All, d => Assert.Same(d, RuleCatalog.Find(d.Id.ToLowerInvariant())));
            Assert.Null(RuleCatalog.Find("GOV999"));
        }

        [Fact]
        public void The_source_rules_are_the_static_classes_of_Rules_Source_in_ID_order()
        {
            Assert.Equal(new[] { "GOV701", "GOV702", "GOV703" }, RuleCatalog.SourceRules.Select(d => d.Id));
            Assert.Same(Governance.Rules.Source.GOV702TodoWithoutIssue.Rule, RuleCatalog.SourceRules[1]);
        }
    }
}
