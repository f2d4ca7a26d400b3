namespace Orchestrator.Governance.Testing
{
    /// <summary>
    /// A task packet that follows seed 003 §5.1 and passes every rule: the base every test changes
    /// in one place. Linked into each test project; examples/governed-repo/docs/task_packets/
    /// WP-1-Storage-Layer.md holds the same text (a test keeps them equal).
    /// </summary>
    internal static class ValidPacket
    {
        public const string Path = "docs/task_packets/WP-1-Storage-Layer.md";

        /// <summary>The spec the packet's SPEC_ANCHOR (§2.3.12.3) resolves in; the example repository holds it too.</summary>
        public const string SpecPath = "Example_Master_Spec_v01.2.md";

        /// <summary>SPEC_CURRENT.md naming <see cref="SpecPath"/>.</summary>
        public const string PointerPath = "docs/SPEC_CURRENT.md";

        public const string PointerText =
"# SPEC_CURRENT\n" +
"\n" +
"The current authoritative Master Specification is:\n" +
"\n" +
"**Example_Master_Spec_v01.2.md**\n";

        public const string SpecText =
"# Example Master Specification v01.2\n" +
"\n" +
"## Table of Contents\n" +
"- 1. Vision\n" +
"- 2. System Architecture\n" +
"- 7. User Experience & Development\n" +
"\n" +
"# 1. Vision\n" +
"\n" +
"## 1.1 Goals\n" +
"The product MUST run fully offline. It SHOULD start in under two seconds.\n" +
"\n" +
"# 2. System Architecture\n" +
"\n" +
"## 2.3 Storage\n" +
"\n" +
"### 2.3.12 Storage Backend Portability [CX-DBP-001]\n" +
"Every database access goes through one storage API.\n" +
"\n" +
"#### 2.3.12.3 Storage API Abstraction Pattern [CX-DBP-021]\n" +
"- The backend MUST define a Database trait with async methods.\n" +
"- The backend MUST implement a SqliteDatabase wrapper behind the trait.\n" +
"- The backend SHOULD provide a PostgresDatabase stub.\n" +
"\n" +
"# 7. User Experience & Development\n" +
"\n" +
"## 7.6 Development Roadmap\n" +
"\n" +
"### 7.6.3 Phase 1\n" +
"- Storage portability (pointer to §2.3.12).\n";

        // Line numbers below are part of the tests' expectations: keep them stable.
        public const string Text =
"# Task Packet: WP-1-Storage-Layer\n" +                       // 1
"\n" +                                                         // 2
"## Metadata\n" +                                              // 3
"- TASK_ID: WP-1-Storage-Layer\n" +                            // 4
"- DATE: 2025-12-26T14:30:00Z\n" +                             // 5
"- REQUESTOR: ilja\n" +                                        // 6
"- AGENT_ID: orchestrator-1\n" +                               // 7
"- ROLE: Orchestrator\n" +                                     // 8
"- STATUS: Ready-for-Dev\n" +                                  // 9
"\n" +                                                         // 10
"## Scope\n" +                                                 // 11
"- **What**: Add the storage trait.\n" +                       // 12
"- **Why**: Portability of the storage backend.\n" +           // 13
"- **IN_SCOPE_PATHS**:\n" +                                    // 14
"  * src/storage/mod.rs\n" +                                   // 15
"- **OUT_OF_SCOPE**:\n" +                                      // 16
"  * Migrations rewrite\n" +                                   // 17
"\n" +                                                         // 18
"## Quality Gate\n" +                                          // 19
"- **RISK_TIER**: HIGH\n" +                                    // 20
"- **TEST_PLAN**:\n" +                                         // 21
"  ```bash\n" +                                                // 22
"  cargo test --manifest-path src/Cargo.toml\n" +              // 23
"  ```\n" +                                                    // 24
"- **DONE_MEANS**:\n" +                                        // 25
"  * Database trait, SqliteDatabase wrapper and PostgresDatabase stub exist (§2.3.12.3)\n" +    // 26
"  * All tests pass\n" +                                       // 27
"- **ROLLBACK_HINT**: git revert <commit-sha>\n" +             // 28
"\n" +                                                         // 29
"## BOOTSTRAP (Coder Work Plan)\n" +                           // 30
"- **FILES_TO_OPEN**:\n" +                                     // 31
"  * docs/START_HERE.md\n" +                                   // 32
"  * docs/SPEC_CURRENT.md\n" +                                 // 33
"  * docs/ARCHITECTURE.md\n" +                                 // 34
"  * src/storage/mod.rs\n" +                                   // 35
"  * src/storage/sqlite.rs\n" +                                // 36
"- **SEARCH_TERMS**:\n" +                                      // 37
"  * \"Database\"\n" +                                         // 38
"  * \"SqlitePool\"\n" +                                       // 39
"  * \"state.pool\"\n" +                                       // 40
"  * \"DefaultStorageGuard\"\n" +                              // 41
"  * \"migrate\"\n" +                                          // 42
"  * \"sqlx::query\"\n" +                                      // 43
"  * \"StorageError\"\n" +                                     // 44
"  * \"trait Database\"\n" +                                   // 45
"  * \"impl Database\"\n" +                                    // 46
"  * \"AppState\"\n" +                                         // 47
"- **RUN_COMMANDS**:\n" +                                      // 48
"  ```bash\n" +                                                // 49
"  just dev\n" +                                               // 50
"  ```\n" +                                                    // 51
"- **RISK_MAP**:\n" +                                          // 52
"  * \"Migration fails\" -> Storage layer\n" +                 // 53
"  * \"IPC contract breaks\" -> Tauri bridge\n" +              // 54
"  * \"Hollow trait\" -> Portability\n" +                      // 55
"\n" +                                                         // 56
"## Authority\n" +                                             // 57
"- **SPEC_ANCHOR**: §2.3.12.3 (Storage API Abstraction Pattern)\n" + // 58
"- **Codex**: Handshake Codex v1.4.md\n" +                     // 59
"- **Task Board**: docs/TASK_BOARD.md\n" +                     // 60
"\n" +                                                         // 61
"## Notes\n" +                                                 // 62
"- **Dependencies**: none\n" +                                 // 63
"\n" +                                                         // 64
"---\n" +                                                      // 65
"\n" +                                                         // 66
"**Last Updated:** 2025-12-26\n" +                             // 67
"**User Signature Locked:** ilja261220251430\n";               // 68

    }
}
