using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Orchestrator.Governance.Engine
{
    /// <summary>
    /// Work on task packets spread over several threads, each item's result in its own slot, so
    /// that the results come back in the order of the items whatever the number of threads (issue
    /// 33: reading packets and running their rules are most of a large repository's cost). Each
    /// thread has a stack of <see cref="StackBytes"/>, more than the main thread's, so a deeply
    /// nested document refused on one thread is refused on these too.
    /// </summary>
    internal static class PacketThreads
    {
        /// <summary>The stack of each helper thread, in bytes (16 MiB).</summary>
        internal const int StackBytes = 16 * 1024 * 1024;

        /// <summary>How many threads work at most: <paramref name="requested"/> when set (<see cref="AnalysisOptions.Threads"/>), else the processors, up to 8.</summary>
        internal static int Count(int? requested) => Math.Max(1, requested ?? Math.Min(8, Environment.ProcessorCount));

        /// <summary>
        /// <paramref name="work"/> on each of <paramref name="items"/> on up to
        /// <paramref name="threads"/> threads (the calling one among them), the results in the
        /// order of the items. An exception <paramref name="work"/> lets out (it is meant to catch
        /// what it can report) is thrown again on the calling thread, the first item's first, once
        /// every thread has stopped; the items after it on that thread are not worked on.
        /// </summary>
        internal static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, int threads, Func<TItem, TResult> work)
        {
            var results = new TResult[items.Count];
            var failures = new Exception?[items.Count];
            int next = -1;
            int stop = 0;
            void Work()
            {
                for (int i = Interlocked.Increment(ref next); i < items.Count && Volatile.Read(ref stop) == 0; i = Interlocked.Increment(ref next))
                {
                    try
                    {
                        results[i] = work(items[i]);
                    }
                    catch (Exception e)
                    {
                        failures[i] = e;
                        Volatile.Write(ref stop, 1);
                    }
                }
            }

            int helpers = Math.Min(threads, items.Count) - 1;
            var started = new List<Thread>(Math.Max(0, helpers));
            for (int t = 0; t < helpers; t++)
            {
                var thread = new Thread(Work, StackBytes) { IsBackground = true, Name = "Orchestrator packet worker" };
                thread.Start();
                started.Add(thread);
            }

            Work();
            foreach (var thread in started) thread.Join();
            foreach (var failure in failures)
            {
                if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();
            }

            return results;
        }
    }
}
