using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The governance.yml <c>governance init</c> writes for a repository, from what it holds: where
    /// its task packets are and in which form (a file per packet, a folder per packet, data beside
    /// or instead of Markdown, and the JSON Pointers of data fields kept under other names), the spec
    /// pointer, the task board and the stubs. A key is written only where the repository differs
    /// from the default profile (docs/configuration.md), with a comment saying what was found; what
    /// could not be found is said too (<see cref="Assumed"/>). A pure function of the file list and
    /// of the texts <see cref="For"/> is handed (the data packets, to name their fields).
    /// </summary>
    public sealed class ConfigurationDraft
    {
        // Data fields the reader does not find by their top-level key, by the names data packets give
        // them: the last step of the pointer (normalized), with the step before it where it matters.
        private static readonly (string Field, string[] Names)[] DataFieldNames =
        {
            ("TASK_ID", new[] { "id", "taskid", "wpid", "workpackageid" }),
            ("STATUS", new[] { "status", "state" }),
            ("USER_SIGNATURE", new[] { "signature", "usersignature", "signedby" }),
            ("SPEC_ANCHOR", new[] { "anchors", "anchor", "specanchor", "specanchors" }),
            ("IN_SCOPE_PATHS", new[] { "scope/in", "inscope", "inscopepaths", "scope/include" }),
            ("OUT_OF_SCOPE", new[] { "scope/out", "outofscope", "outofscopepaths", "scope/exclude" }),
            ("DONE_MEANS", new[] { "done", "donemeans", "definitionofdone", "acceptance" }),
            ("RISK_TIER", new[] { "risk", "risktier" }),
        };

        private ConfigurationDraft(string yaml, IReadOnlyList<string> found, IReadOnlyList<string> assumed, IReadOnlyList<string> packets, int workPackages)
        {
            WorkPackages = workPackages;
            Yaml = yaml;
            Found = found;
            Assumed = assumed;
            Packets = packets;
        }

        /// <summary>The configuration's text (YAML, with comments), ending in a newline.</summary>
        public string Yaml { get; }

        /// <summary>What was found, one sentence each ("2 task packets, one folder each: work/WP-*/packet.yml").</summary>
        public IReadOnlyList<string> Found { get; }

        /// <summary>What was not found and is left to the default, one sentence each.</summary>
        public IReadOnlyList<string> Assumed { get; }

        /// <summary>The task packet files the configuration selects (repository-relative paths, sorted).</summary>
        public IReadOnlyList<string> Packets { get; }

        /// <summary>The WPs those files are: the forms of one WP (a flat file, a folder, data beside Markdown) count once.</summary>
        public int WorkPackages { get; }

        /// <summary>The WP a packet file is (its folder's path and name for a folder per packet, else its path without ".md").</summary>
        private static string WorkPackage(string path)
        {
            var parts = path.Split('/');
            if (parts.Length >= 2 && parts[parts.Length - 2].StartsWith("WP-", StringComparison.Ordinal)) return string.Join("/", parts.Take(parts.Length - 1));
            return path.EndsWith(".md", StringComparison.Ordinal) ? path.Substring(0, path.Length - 3) : path;
        }

        /// <summary>
        /// The draft for a repository whose files are <paramref name="files"/> (repository-relative,
        /// '/'-separated); <paramref name="read"/> gives a file's text, or null when it cannot be read.
        /// With <paramref name="schema"/> (an absolute path: <see cref="ShippedFiles.ConfigurationSchema"/>), the
        /// draft's first line points yaml-language-server at it, so editors validate the file as it is typed.
        /// </summary>
        public static ConfigurationDraft For(IReadOnlyCollection<string> files, Func<string, string?> read, string? schema = null)
        {
            // The defaults are the default profile's (rules/task-packet.yml), read as every host reads it.
            var profile = Configuration.ConfigLoader.Load(null, Rules.RuleCatalog.Exists, out _);
            var defaultGlobs = profile.Documents.TaskPackets.Include;
            var excluded = profile.Documents.TaskPackets.Exclude;
            string defaultPointer = profile.Spec.CurrentPointer;
            string defaultBoard = profile.Board.Path;
            var sorted = files.OrderBy(f => f, StringComparer.Ordinal).ToList();
            var found = new List<string>();
            var assumed = new List<string>();
            var yaml = new StringBuilder();

            // Task packets: a file WP-*.md, a folder WP-*/ holding packet.{md,json,yml,yaml} or WP-*.md;
            // stubs (a folder named stubs) are no packets. A glob is kept when most of the Markdown it
            // selects reads as a task packet (a TASK_ID field, or a "Task Packet" title):
            // docs/refinements/WP-*.md, one refinement per WP, is no packet folder.
            var byGlob = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var path in sorted)
            {
                if (!(PacketGlob(path) is string glob)) continue;
                if (!byGlob.TryGetValue(glob, out var list)) byGlob[glob] = list = new List<string>();
                list.Add(path);
            }

            var globs = new SortedSet<string>(StringComparer.Ordinal);
            var packets = new List<string>();
            foreach (var group in byGlob)
            {
                var markdown = group.Value.Where(p => p.EndsWith(".md", StringComparison.Ordinal)).ToList();
                int alike = markdown.Count(p => read(p) is string text && LooksLikePacket(text));
                if (markdown.Count > 0 && alike * 2 <= markdown.Count)
                {
                    assumed.Add($"{group.Key}: {markdown.Count} file(s) named like packets, {alike} reading as one (a TASK_ID field, a \"Task Packet\" title): not task packets");
                    continue;
                }

                globs.Add(group.Key);
                packets.AddRange(group.Value);
            }

            packets.Sort(StringComparer.Ordinal);

            var include = globs.ToList();
            bool defaults = packets.All(p => Select(defaultGlobs, excluded, new[] { p }).Count > 0);
            var selected = Select(defaults ? defaultGlobs : include, excluded, sorted);
            if (packets.Count == 0) assumed.Add("no task packet found (a file WP-*.md, or a folder WP-*/ with packet.md, packet.json, packet.yml or packet.yaml): the default globs are kept (" + string.Join(", ", defaultGlobs) + ")");
            else found.Add($"{packets.Count} task packet file(s) in {include.Count} place(s): {string.Join(", ", include)}" + (defaults ? " (the default globs find them)" : string.Empty));

            var data = selected.Where(p => p.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)).ToList();
            var dataFields = data.Count == 0 ? new SortedDictionary<string, string>(StringComparer.Ordinal) : DataFields(data, read);
            if (data.Count > 0) found.Add($"{data.Count} packet(s) kept as data; field(s) under other names: " + (dataFields.Count == 0 ? "none" : string.Join(", ", dataFields.Select(f => f.Key + " at " + f.Value))));

            // The spec pointer and the board: the default paths, else a file that names itself so.
            string? pointer = sorted.Contains(defaultPointer) ? null : sorted.FirstOrDefault(IsPointer);
            if (pointer != null) found.Add("the spec pointer: " + pointer);
            else if (!sorted.Contains(defaultPointer)) assumed.Add("no spec pointer found (SPEC_CURRENT.md or a *pointer*.json/.yml/.md): spec.currentPointer stays " + defaultPointer + " (GOV210 says what it finds there)");
            else found.Add("the spec pointer: " + defaultPointer + " (the default)");

            string? board = sorted.Contains(defaultBoard) ? null : sorted.FirstOrDefault(IsBoard);
            if (board != null) found.Add("the task board: " + board);
            else if (!sorted.Contains(defaultBoard)) assumed.Add("no task board found (TASK_BOARD.md): board.path stays " + defaultBoard + "; a repository without one gets no board diagnostics");
            else found.Add("the task board: " + defaultBoard + " (the default)");

            int stubs = sorted.Count(p => IsStub(p));
            if (stubs > 0) found.Add($"{stubs} stub(s) in task_packets/stubs/ (the default documents.taskPacketStubs finds them)");

            if (schema != null)
            {
                yaml.Append("# yaml-language-server: $schema=").Append(new Uri(schema).AbsoluteUri).Append('\n');
                yaml.Append("# (the schema shipped with the governance tool that ran init, on that machine: another machine's copy is elsewhere)\n");
            }

            yaml.Append("# governance.yml, written by `governance init` from what this repository holds.\n");
            yaml.Append("# Every key is optional; one left out keeps the default (docs/configuration.md).\n");
            if (!defaults && include.Count > 0)
            {
                yaml.Append("documents:\n  taskPackets:\n    # The task packets: ").Append(packets.Count).Append(" file(s).\n    include:\n");
                foreach (var glob in include) yaml.Append("      - ").Append(Quote(glob)).Append('\n');
            }

            if (pointer != null || board != null)
            {
                if (pointer != null) yaml.Append("spec:\n  # The file naming the current Master Spec.\n  currentPointer: ").Append(Quote(pointer)).Append('\n');
                if (board != null) yaml.Append("board:\n  # The task board.\n  path: ").Append(Quote(board)).Append('\n');
            }

            if (dataFields.Count > 0)
            {
                yaml.Append("taskPacket:\n  # Fields the packets kept as data hold under other names (JSON Pointers).\n  dataFields:\n");
                foreach (var field in dataFields) yaml.Append("    ").Append(field.Key).Append(": ").Append(Quote(field.Value)).Append('\n');
            }

            return new ConfigurationDraft(yaml.ToString(), found, assumed, selected, selected.Select(WorkPackage).Distinct(StringComparer.Ordinal).Count());
        }

        /// <summary>The glob that selects <paramref name="path"/> as a task packet with its siblings, or null when it is none.</summary>
        private static string? PacketGlob(string path)
        {
            var parts = path.Split('/');
            string name = parts[parts.Length - 1];
            string Folder(int up) => string.Join("/", parts.Take(parts.Length - up));
            if (parts.Length >= 2 && parts[parts.Length - 2] == "stubs") return null;
            if (parts.Length >= 2 && parts[parts.Length - 2].StartsWith("WP-", StringComparison.Ordinal))
            {
                string home = Folder(2);
                string prefix = home.Length == 0 ? string.Empty : home + "/";
                if (name == "packet.md" || name == "packet.json" || name == "packet.yml" || name == "packet.yaml") return prefix + "WP-*/" + name;
                if (name == parts[parts.Length - 2] + ".md") return prefix + "WP-*/WP-*.md";
                return null;
            }

            if (name.StartsWith("WP-", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            {
                string home = Folder(1);
                return (home.Length == 0 ? string.Empty : home + "/") + "WP-*.md";
            }

            return null;
        }

        /// <summary>Whether <paramref name="text"/> reads as a task packet: a TASK_ID field line, or a heading that says "Task Packet" (a refinement or a stub names its WP_ID, not a TASK_ID).</summary>
        private static bool LooksLikePacket(string text)
        {
            foreach (var raw in text.Split('\n'))
            {
                string line = raw.Trim().TrimStart('-', '*', '|', ' ').TrimStart('*');
                if (line.StartsWith("TASK_ID", StringComparison.OrdinalIgnoreCase)) return true;
                if (raw.StartsWith("#", StringComparison.Ordinal) && raw.IndexOf("task packet", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }

            return false;
        }

        private static bool IsStub(string path)
        {
            var parts = path.Split('/');
            return parts.Length >= 3 && parts[parts.Length - 2] == "stubs" && parts[parts.Length - 3] == "task_packets" && parts[parts.Length - 1].StartsWith("WP-", StringComparison.Ordinal);
        }

        private static bool IsPointer(string path)
        {
            string name = path.Substring(path.LastIndexOf('/') + 1).ToUpperInvariant();
            bool text = name.EndsWith(".MD", StringComparison.Ordinal) || name.EndsWith(".JSON", StringComparison.Ordinal) || name.EndsWith(".YML", StringComparison.Ordinal) || name.EndsWith(".YAML", StringComparison.Ordinal);
            return text && (name.StartsWith("SPEC_CURRENT", StringComparison.Ordinal) || name.StartsWith("POINTER.", StringComparison.Ordinal) || name.StartsWith("SPEC_POINTER", StringComparison.Ordinal));
        }

        private static bool IsBoard(string path)
        {
            string name = path.Substring(path.LastIndexOf('/') + 1).ToUpperInvariant();
            return name == "TASK_BOARD.MD" || name == "TASKBOARD.MD";
        }

        private static List<string> Select(IEnumerable<string> globs, IEnumerable<string> excluded, IEnumerable<string> paths)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            foreach (var glob in globs) matcher.AddInclude(glob);
            foreach (var glob in excluded) matcher.AddExclude(glob);
            return matcher.Match("/r", paths.Select(p => "/r/" + p)).Files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// The JSON Pointers of the fields the data packets hold under other names than the field's
        /// own (which the reader finds at the top level in any spelling): the first pointer, in
        /// document order over the packets in path order, whose name is one of the field's.
        /// </summary>
        private static SortedDictionary<string, string> DataFields(List<string> data, Func<string, string?> read)
        {
            var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in data)
            {
                string? text = read(path);
                // Read as the check reads it (Model/DataPacketReader, its limits): not an object, no names.
                if (text == null || !(Model.DataPacketReader.ValuePointers(new Documents.TextDocument(path, text)) is IReadOnlyList<string> pointers)) continue;
                var topLevel = new HashSet<string>(pointers.Select(p => Normalize(p.Split('/')[1])), StringComparer.Ordinal);
                foreach (var (field, names) in DataFieldNames)
                {
                    if (fields.ContainsKey(field)) continue;
                    // The field under its own name at the top level is read without a pointer.
                    if (topLevel.Contains(Normalize(field))) continue;
                    foreach (var pointer in pointers)
                    {
                        var steps = pointer.Split('/').Skip(1).Select(Normalize).ToList();
                        string last = steps[steps.Count - 1];
                        string lastTwo = steps.Count >= 2 ? steps[steps.Count - 2] + "/" + last : last;
                        if (names.Contains(last) || names.Contains(lastTwo))
                        {
                            fields[field] = pointer;
                            break;
                        }
                    }
                }
            }

            return fields;
        }

        private static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

        private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
