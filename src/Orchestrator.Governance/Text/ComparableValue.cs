namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// How allowed values (a STATUS, a board status, a key of taskPacket.statusTransitions) are
    /// compared: upper-case letters and digits before any "(" or "[" qualifier, '|' and '/' kept as
    /// '|' ("Ready for Dev (blocked on X)", "Ready-for-Dev" and "READY_FOR_DEV" compare equal).
    /// </summary>
    internal static class ComparableValue
    {
        private static readonly char[] Qualifiers = { '(', '[' };

        /// <summary>The comparable form of <paramref name="value"/> (possibly empty).</summary>
        public static string Of(string value)
        {
            int cut = value.IndexOfAny(Qualifiers);
            if (cut > 0) value = value.Substring(0, cut);
            var sb = new System.Text.StringBuilder(value.Length);
            foreach (char c in value)
            {
                if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) sb.Append(c);
                else if (c >= 'a' && c <= 'z') sb.Append(char.ToUpperInvariant(c));
                else if (c == '|' || c == '/') sb.Append('|');
            }

            return sb.ToString();
        }
    }
}
