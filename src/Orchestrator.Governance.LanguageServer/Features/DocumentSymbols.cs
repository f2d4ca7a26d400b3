using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Orchestrator.Governance.LanguageServer.Protocol;
using Orchestrator.Governance.Model;

namespace Orchestrator.Governance.LanguageServer.Features
{
    /// <summary>
    /// textDocument/documentSymbol for outline views: a task packet's sections (its headings, kind
    /// Namespace) with the fields written in each (kind Field, the value as detail), fields outside
    /// any section at the top; the spec's numbered sections as a tree by heading level. Other
    /// documents have none (a Markdown server such as marksman outlines headings already).
    /// </summary>
    internal static class DocumentSymbols
    {
        private const int Namespace = 3;
        private const int Field = 8;

        private sealed class Symbol
        {
            public Symbol(string name, string? detail, int kind, int start, int end, int selectStart, int selectEnd)
            {
                Name = name.Length == 0 ? "(empty)" : name;
                Detail = detail;
                Kind = kind;
                Start = start;
                End = Math.Max(end, selectEnd);
                SelectStart = selectStart;
                SelectEnd = selectEnd;
            }

            public string Name { get; }

            public string? Detail { get; }

            public int Kind { get; }

            public int Start { get; }

            public int End { get; }

            public int SelectStart { get; }

            public int SelectEnd { get; }

            public int Level { get; set; }

            public List<Symbol> Children { get; } = new List<Symbol>();
        }

        /// <summary>Writes the DocumentSymbol[] of <paramref name="path"/> (empty when it has none).</summary>
        public static void Write(Utf8JsonWriter w, AnalysisSnapshot snapshot, string path)
        {
            var lines = snapshot.LinesOf(path);
            var symbols = lines == null ? new List<Symbol>() : Build(snapshot, path);
            w.WriteStartArray();
            foreach (var s in symbols) WriteSymbol(w, lines!, s);
            w.WriteEndArray();
        }

        private static List<Symbol> Build(AnalysisSnapshot snapshot, string path)
        {
            int length = snapshot.TextOf(path)!.Length;
            var packet = snapshot.PacketAt(path);
            if (packet != null) return Packet(packet, length);
            var spec = snapshot.Result.Spec.Spec;
            if (spec != null && !snapshot.Result.Spec.IsModular && string.Equals(spec.Path, path, StringComparison.Ordinal))
            {
                var headings = spec.Sections.Select(s => new Symbol(s.Display, null, Namespace, LineStartBefore(s.HeadingSpan.Start, s.HeadingSpan.StartColumn), s.End, s.HeadingSpan.Start, s.HeadingSpan.End) { Level = s.Level }).ToList();
                return Nest(headings);
            }

            return new List<Symbol>();
        }

        private static List<Symbol> Packet(TaskPacket packet, int length)
        {
            // The title heading (level 1) holds the rest, as in the file.
            var sections = (packet.Title == null ? packet.Sections : packet.Sections.Append(packet.Title)).Distinct().OrderBy(s => s.HeadingSpan.Start).ToList();
            var result = new List<Symbol>();
            var bySection = new Dictionary<PacketSection, Symbol>();
            for (int i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                int end = i + 1 < sections.Count ? LineStartBefore(sections[i + 1].HeadingSpan.Start, sections[i + 1].HeadingSpan.StartColumn) : length;
                var symbol = new Symbol(s.Heading, null, Namespace, LineStartBefore(s.HeadingSpan.Start, s.HeadingSpan.StartColumn), end, s.HeadingSpan.Start, s.HeadingSpan.End) { Level = s.Level };
                bySection[s] = symbol;
                result.Add(symbol);
            }

            var top = Nest(result);
            foreach (var field in packet.Fields.OrderBy(f => f.KeySpan.Start))
            {
                int end = field.Items.Count > 0 ? Math.Max(field.ValueSpan.End, field.Items.Max(i => i.Span.End)) : field.ValueSpan.End;
                var symbol = new Symbol(field.RawKey, Clip(field.Value), Field, field.KeySpan.Start, end, field.KeySpan.Start, field.KeySpan.End);
                if (field.Section != null && bySection.TryGetValue(field.Section, out var owner)) owner.Children.Add(symbol);
                else top.Add(symbol);
            }

            return top.OrderBy(s => s.Start).ToList();
        }

        /// <summary>The offset of the heading line's start (a heading's span starts after its "## ").</summary>
        private static int LineStartBefore(int headingTextStart, int column) => Math.Max(0, headingTextStart - (column - 1));

        /// <summary>Headings in order made into a tree by level.</summary>
        private static List<Symbol> Nest(List<Symbol> flat)
        {
            var roots = new List<Symbol>();
            var stack = new Stack<Symbol>();
            foreach (var s in flat)
            {
                while (stack.Count > 0 && stack.Peek().Level >= s.Level) stack.Pop();
                if (stack.Count == 0) roots.Add(s);
                else stack.Peek().Children.Add(s);
                stack.Push(s);
            }

            return roots;
        }

        private static string? Clip(string value)
        {
            string v = value.Trim();
            return v.Length == 0 ? null : v.Length <= 80 ? v : v.Substring(0, 80) + "...";
        }

        private static void WriteSymbol(Utf8JsonWriter w, LineIndex lines, Symbol s)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            if (s.Detail != null) w.WriteString("detail", s.Detail);
            w.WriteNumber("kind", s.Kind);
            var a = lines.PositionOf(s.Start);
            var b = lines.PositionOf(s.End);
            w.WritePropertyName("range");
            LspDiagnostics.WriteRange(w, a.Line, a.Character, b.Line, b.Character);
            var c = lines.PositionOf(s.SelectStart);
            var d = lines.PositionOf(s.SelectEnd);
            w.WritePropertyName("selectionRange");
            LspDiagnostics.WriteRange(w, c.Line, c.Character, d.Line, d.Character);
            if (s.Children.Count > 0)
            {
                w.WriteStartArray("children");
                foreach (var child in s.Children.OrderBy(x => x.Start)) WriteSymbol(w, lines, child);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }
    }
}
