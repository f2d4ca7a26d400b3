using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Governance.Text
{
    /// <summary>
    /// The last few values computed from a text, by a key that holds the text's SHA-256: an IDE or
    /// a build server analyzes the same spec and baseline again and again, and parses each once.
    /// Thread-safe; a value is computed outside the lock (two threads may compute it once each).
    /// </summary>
    /// <typeparam name="T">What is kept per text.</typeparam>
    public sealed class ContentCache<T>
    {
        private readonly int _capacity;
        private readonly LinkedList<(string Key, T Value)> _entries = new LinkedList<(string, T)>();
        private readonly object _gate = new object();
        private (string Prefix, string Text, string Key)? _lastText;

        /// <summary>Keeps at most <paramref name="capacity"/> values, the most recently used first.</summary>
        public ContentCache(int capacity) => _capacity = capacity;

        /// <summary>A key of <paramref name="prefix"/> (what else the value depends on) and the SHA-256 of <paramref name="text"/>.</summary>
        public static string KeyOf(string prefix, string text)
        {
            using var sha = SHA256.Create();
            return prefix + "|" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }

        /// <summary>
        /// The value kept for <paramref name="prefix"/> and <paramref name="text"/> (<see cref="KeyOf"/>),
        /// or the one <paramref name="create"/> makes, then kept. The same string object as the last
        /// call's, with the same prefix, is not hashed again (a language server hands the unchanged
        /// 2.7 MB spec over as the same string after every edit).
        /// </summary>
        public T GetOrAdd(string prefix, string text, Func<T> create)
        {
            string key;
            lock (_gate)
            {
                var last = _lastText;
                key = last != null && ReferenceEquals(last.Value.Text, text) && last.Value.Prefix == prefix ? last.Value.Key : null!;
            }

            key ??= KeyOf(prefix, text);
            lock (_gate) _lastText = (prefix, text, key);
            return GetOrAdd(key, create);
        }

        /// <summary>
        /// The value kept under <paramref name="key"/>, or the one <paramref name="create"/> makes, then
        /// kept. <paramref name="create"/> runs outside the lock; when two callers make a value for the
        /// same key at once, the first one kept is the one both get.
        /// </summary>
        public T GetOrAdd(string key, Func<T> create)
        {
            lock (_gate)
            {
                if (Find(key) is { } known) return known.Value;
            }

            var value = create();
            lock (_gate)
            {
                if (Find(key) is { } made) return made.Value;
                _entries.AddFirst((key, value));
                while (_entries.Count > _capacity) _entries.RemoveLast();
            }

            return value;
        }

        /// <summary>The entry under <paramref name="key"/>, moved to the front; null when there is none. Under the lock.</summary>
        private (string Key, T Value)? Find(string key)
        {
            for (var node = _entries.First; node != null; node = node.Next)
            {
                if (node.Value.Key != key) continue;
                _entries.Remove(node);
                _entries.AddFirst(node);
                return node.Value;
            }

            return null;
        }
    }
}
