using System;
using System.Collections.Generic;

namespace Orchestrator.Governance.Diagnostics
{
    /// <summary>
    /// One replacement in a document's text: <see cref="Length"/> characters from <see cref="Start"/>
    /// (0-based UTF-16 offsets into the text the host handed over, as a diagnostic's span) become
    /// <see cref="NewText"/>. An insertion has length 0.
    /// </summary>
    public sealed class TextEdit
    {
        /// <summary>Creates the edit.</summary>
        public TextEdit(string path, int start, int length, string newText)
        {
            if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            Path = path;
            Start = start;
            Length = length;
            NewText = newText ?? string.Empty;
        }

        /// <summary>Repository-relative path of the document edited.</summary>
        public string Path { get; }

        /// <summary>Offset of the first character replaced.</summary>
        public int Start { get; }

        /// <summary>How many characters are replaced.</summary>
        public int Length { get; }

        /// <summary>The end offset (exclusive).</summary>
        public int End => Start + Length;

        /// <summary>The replacement.</summary>
        public string NewText { get; }
    }

    /// <summary>
    /// A fix the engine computed for a diagnostic: a title for a code action or a CLI line and the edits
    /// that carry it out. Hosts apply the edits as given and never compute a fix of their own.
    /// </summary>
    public sealed class GovernanceFix
    {
        /// <summary>Creates the fix.</summary>
        public GovernanceFix(string title, IReadOnlyList<TextEdit> edits, bool isSuppression = false, bool appliedByDefault = true)
        {
            Title = title;
            Edits = edits;
            IsSuppression = isSuppression;
            AppliedByDefault = appliedByDefault && !isSuppression;
        }

        /// <summary>What the fix does, e.g. "Set STATUS to 'Blocked'".</summary>
        public string Title { get; }

        /// <summary>The edits, in no particular order; they do not overlap.</summary>
        public IReadOnlyList<TextEdit> Edits { get; }

        /// <summary>
        /// False for a fix that is right only if a person says so (marking a missing path "(new)" would
        /// hide a typo): `governance fix` applies it only when --rule names its rule.
        /// </summary>
        public bool AppliedByDefault { get; }

        /// <summary>True for "suppress this diagnostic on this line" (an inline comment), which `governance fix` applies only when asked.</summary>
        public bool IsSuppression { get; }
    }
}
