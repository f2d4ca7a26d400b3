using System;
using System.Collections.Generic;
using Orchestrator.Governance.Text;

namespace Orchestrator.Governance.Model
{
    /// <summary>One <c>Key: value</c> line of a waiver (<c>- Date: 2026-01-18</c>).</summary>
    public sealed class WaiverAttribute
    {
        internal WaiverAttribute(string key, string rawKey, string value, SourceSpan valueSpan)
        {
            Key = key;
            RawKey = rawKey;
            Value = value;
            ValueSpan = valueSpan;
        }

        /// <summary>Normalized key (DATE, SCOPE, EXPIRES, APPROVER, JUSTIFICATION).</summary>
        public string Key { get; }

        /// <summary>The key as written.</summary>
        public string RawKey { get; }

        /// <summary>The value, trimmed.</summary>
        public string Value { get; }

        /// <summary>Span of the value.</summary>
        public SourceSpan ValueSpan { get; }
    }

    /// <summary>
    /// A waiver recorded in a packet's waiver section (seed 003 Part 1 [CX-600B] "Waiver Audit
    /// Trail: all waivers logged with approval date; expire at phase boundary"; Handshake's
    /// template: "Include Waiver ID, Date, Scope, and Justification"). Read from one top-level list
    /// entry of the section: the entry's first line gives the ID (<c>- WAIVER-ACE-VAL-V4-001</c>,
    /// <c>- [WAIVER-2026-01-01-ROLLOUT] ...</c>, <c>- WAIVER-01: text</c> or <c>- Waiver ID: WAIVER-001</c>),
    /// its nested <c>Key: value</c> items the attributes, as do <c>Key: value</c> parts of the first
    /// line separated by <c> | </c> (<c>- WAIVER_ID: W-1 | Date: 2026-01-07 | Scope: a.rs</c>).
    /// </summary>
    public sealed class PacketWaiver
    {
        internal PacketWaiver(string? id, string line, SourceSpan entrySpan, IReadOnlyList<WaiverAttribute> attributes)
        {
            Id = id;
            Line = line;
            EntrySpan = entrySpan;
            Attributes = attributes;
        }

        /// <summary>The waiver's ID, or null when the entry names none.</summary>
        public string? Id { get; }

        /// <summary>The entry's first line, as written.</summary>
        public string Line { get; }

        /// <summary>Span of the entry's first line.</summary>
        public SourceSpan EntrySpan { get; }

        /// <summary>The entry's <c>Key: value</c> items, in order.</summary>
        public IReadOnlyList<WaiverAttribute> Attributes { get; }

        /// <summary>The waiver's Expires (or Expiry, Expiration, Expires on) item, or null.</summary>
        public WaiverAttribute? Expiry => Find("EXPIRES") ?? Find("EXPIRY") ?? Find("EXPIRATION") ?? Find("EXPIRES_ON");

        /// <summary>The Expiry item's date (its first ten characters as yyyy-MM-dd), or null when it has none.</summary>
        public DateTime? Expires
        {
            get
            {
                var value = Expiry?.Value.Trim();
                if (value == null || value.Length < 10) return null;
                return DateTime.TryParseExact(value.Substring(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : (DateTime?)null;
            }
        }

        /// <summary>Whether the waiver has expired on <paramref name="today"/> (never when either date is unknown).</summary>
        public bool HasExpired(DateTime? today) => today != null && Expires is DateTime expires && expires < today.Value;

        /// <summary>The first attribute with the normalized <paramref name="key"/>, or null.</summary>
        public WaiverAttribute? Find(string key)
        {
            foreach (var a in Attributes)
            {
                if (string.Equals(a.Key, key, StringComparison.Ordinal)) return a;
            }

            return null;
        }
    }
}
