using System.Linq;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Rules.Decisions
{
    /// <summary>
    /// GOV611: a dependency the repository declares is not in its OSS register. Only when the
    /// repository has a register (documents.ossRegister, default docs/OSS_REGISTER.md or
    /// OSS_REGISTER.md). Checked: the entries of the dependency files documents.ossManifests names
    /// (Cargo.toml, package.json, *.csproj; reported at the entry), and the PackageReferences the
    /// host hands over for the building project (reported at the register's title, naming the
    /// project, since a project file is no document of the build). A renamed Cargo dependency
    /// counts when either name is listed. Source: seed 003 Part 1 [CX-600B] ("Supply Chain
    /// Safety: Maintain OSS_REGISTER.md; block un-vetted dependencies").
    /// </summary>
    public sealed class GOV611DependencyNotRegistered : RepositoryRule
    {
        /// <summary>GOV611: a declared dependency missing from the OSS register.</summary>
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "GOV611", "Dependencies must be in the OSS register",
            "Dependency '{0}' ({1}) is not in the OSS register {2}; add a row with its license, integration mode, scope and purpose",
            "Governance.Decisions", GovernanceSeverity.Error,
            "The OSS register is the repository's bill of materials: every dependency with its license, integration mode and purpose, so that copyleft or unvetted code is caught before it ships. A dependency added without a register row bypasses that review.",
            "seed 003 Part 1 [CX-600B] (Supply Chain Safety: Maintain OSS_REGISTER.md; block un-vetted dependencies)")
        {
            // Where the dependency is declared ("PackageReference 1.2.0 of App.csproj"): a version
            // bump is the same finding, and the CLI (project files read as written) and the build
            // (@(PackageReference) evaluated) say it differently.
            LocationArguments = new[] { 1 },
        };

        /// <inheritdoc />
        public override RuleDescriptor Descriptor => Rule;

        /// <inheritdoc />
        public override void Analyze(RepositoryRuleContext context)
        {
            var register = context.Index.OssRegister;
            if (register == null) return;
            var declared = new System.Collections.Generic.HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var (document, dependencies) in context.Index.DependencyFiles)
            {
                foreach (var dependency in dependencies)
                {
                    declared.Add(dependency.Name);
                    if (register.Lists(dependency.Name) || (dependency.Package != null && register.Lists(dependency.Package))) continue;
                    string source = dependency.Table + " of " + document.Path + (dependency.Package != null ? ", as '" + dependency.Name + "'" : string.Empty);
                    context.Report(document.Path, dependency.Span, dependency.Package ?? dependency.Name, source, register.Path);
                }
            }

            var references = context.Index.PackageReferences;
            if (references == null) return;
            foreach (var reference in references.GroupBy(r => r.Id, System.StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(r => r.Id, System.StringComparer.OrdinalIgnoreCase))
            {
                // Reported once: at the project file's entry when documents.ossManifests reads it.
                if (register.Lists(reference.Id) || declared.Contains(reference.Id)) continue;
                string source = "PackageReference" + (reference.Version != null ? " " + reference.Version : string.Empty) + (reference.Project != null ? " of " + reference.Project : string.Empty);
                context.Report(register.Path, register.TitleSpan, reference.Id, source, register.Path);
            }
        }
    }
}
