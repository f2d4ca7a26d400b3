using System;
using System.Collections.Generic;
using Orchestrator.Governance.Configuration;

namespace Orchestrator.Governance.Engine
{
    /// <summary>The kinds of governance document chosen by globs of their own in governance.yml's <c>documents:</c>.</summary>
    public enum DocumentKind
    {
        /// <summary>Task packets (seed 003 §5): Markdown, JSON or YAML.</summary>
        TaskPacket,

        /// <summary>plan.json (seed 002).</summary>
        Plan,

        /// <summary>session.json (seed 002).</summary>
        Session,

        /// <summary>PROGRESS.json (seed 004).</summary>
        Progress,

        /// <summary>.agent/state/active_phase.json (seed 000).</summary>
        ActivePhase,

        /// <summary>Idempotency contracts (seed 000 LAYER_E).</summary>
        IdempotencyContract,

        /// <summary>Architecture decision records (GOV601-GOV604).</summary>
        Adr,

        /// <summary>RFC technical designs (GOV605).</summary>
        Rfc,

        /// <summary>Task packet stubs (GOV116; a board entry resolves to one, GOV306).</summary>
        TaskPacketStub,

        /// <summary>The lock manifest <c>governance lock</c> writes (GOV607).</summary>
        LockManifest,

        /// <summary>Markdown documents whose links are checked (GOV610).</summary>
        LinkSource,

        /// <summary>The OSS register (GOV611).</summary>
        OssRegister,

        /// <summary>Dependency files whose entries the register must list (GOV611).</summary>
        OssManifest,
    }

    /// <summary>
    /// The one table of document kinds: each kind, its key under governance.yml's <c>documents:</c>,
    /// where its globs are, and, for an orchestration state file, which schema and rules read it.
    /// The selection of documents a host hands over (<see cref="DocumentSelection"/>) and the
    /// classification of what it handed over (<see cref="DocumentClassifier"/>) both read it. The
    /// task board and the spec are named by single paths (board.path, spec.currentPointer and
    /// what it names), metadata headers by headers.include.
    /// </summary>
    public static class DocumentKinds
    {
        /// <summary>One row of the table.</summary>
        public sealed class Row
        {
            internal Row(DocumentKind kind, string key, Func<DocumentsConfig, DocumentKindConfig> globs, Model.State.StateKind? stateKind = null)
            {
                Kind = kind;
                Key = key;
                Globs = globs;
                StateKind = stateKind;
            }

            /// <summary>The kind.</summary>
            public DocumentKind Kind { get; }

            /// <summary>Its key under <c>documents:</c> in governance.yml (schemas/governance.schema.json).</summary>
            public string Key { get; }

            /// <summary>Its include and exclude globs in a configuration.</summary>
            public Func<DocumentsConfig, DocumentKindConfig> Globs { get; }

            /// <summary>For an orchestration state file, its kind (schema and rules); null otherwise.</summary>
            public Model.State.StateKind? StateKind { get; }
        }

        /// <summary>Every kind, in the order a path matched by two state file kinds takes the first.</summary>
        public static IReadOnlyList<Row> All { get; } = new[]
        {
            new Row(DocumentKind.TaskPacket, "taskPackets", d => d.TaskPackets),
            new Row(DocumentKind.Plan, "plan", d => d.Plan, Model.State.StateKind.Plan),
            new Row(DocumentKind.Session, "session", d => d.Session, Model.State.StateKind.Session),
            new Row(DocumentKind.Progress, "progress", d => d.Progress, Model.State.StateKind.Progress),
            new Row(DocumentKind.ActivePhase, "activePhase", d => d.ActivePhase, Model.State.StateKind.ActivePhase),
            new Row(DocumentKind.IdempotencyContract, "idempotencyContracts", d => d.IdempotencyContracts, Model.State.StateKind.IdempotencyContract),
            new Row(DocumentKind.Adr, "adrs", d => d.Adrs),
            new Row(DocumentKind.Rfc, "rfcs", d => d.Rfcs),
            new Row(DocumentKind.TaskPacketStub, "taskPacketStubs", d => d.TaskPacketStubs),
            new Row(DocumentKind.LockManifest, "lockManifest", d => d.LockManifest, Model.State.StateKind.LockManifest),
            new Row(DocumentKind.LinkSource, "links", d => d.Links),
            new Row(DocumentKind.OssRegister, "ossRegister", d => d.OssRegister),
            new Row(DocumentKind.OssManifest, "ossManifests", d => d.OssManifests),
        };
    }
}
