using System.Collections;
using System.Collections.Generic;

namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// A set of strings that cannot be changed once built: what the model and the index hand to rules
    /// (file lists, key sets), so that no rule can alter what another reads. Membership with the
    /// comparer it was built with.
    /// </summary>
    public sealed class StringSet : IReadOnlyCollection<string>
    {
        private readonly HashSet<string> _items;

        /// <summary>The distinct <paramref name="items"/>, compared with <paramref name="comparer"/> (ordinal by default).</summary>
        public StringSet(IEnumerable<string> items, IEqualityComparer<string>? comparer = null) =>
            _items = new HashSet<string>(items, comparer ?? System.StringComparer.Ordinal);

        /// <summary>The number of strings.</summary>
        public int Count => _items.Count;

        /// <summary>Whether <paramref name="item"/> is in the set.</summary>
        public bool Contains(string item) => _items.Contains(item);

        /// <inheritdoc />
        public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
