using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Orchestrator.Governance.Engine;
using Orchestrator.Governance.Rules;
using Orchestrator.Governance.Diagnostics;

namespace Orchestrator.Governance.Cli.Reports
{
    /// <summary>JUnit XML, for CI systems that show test reports: one test case a document, one failure a diagnostic.</summary>
    internal static class JUnitReport
    {
        /// <summary>
        /// A JUnit XML report: one test suite, one test case per governance document checked
        /// (<paramref name="documents"/>, plus any other path a diagnostic names), and one
        /// <c>failure</c> per diagnostic in it (type = rule ID, message = the message, text = the
        /// MSBuild line). Baselined diagnostics are not failures.
        /// </summary>
        public static string Write(GovernanceResult result, IEnumerable<string> documents)
        {
            var byPath = result.Diagnostics.GroupBy(d => d.Path, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), System.StringComparer.Ordinal);
            var paths = new SortedSet<string>(documents, System.StringComparer.Ordinal);
            paths.UnionWith(byPath.Keys);
            int failures = result.Diagnostics.Count;
            using var stream = new MemoryStream();
            var settings = new System.Xml.XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using (var w = System.Xml.XmlWriter.Create(stream, settings))
            {
                w.WriteStartDocument();
                w.WriteStartElement("testsuites");
                w.WriteAttributeString("name", "governance");
                w.WriteAttributeString("tests", paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", "governance");
                w.WriteAttributeString("tests", paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("errors", "0");
                w.WriteAttributeString("skipped", "0");
                foreach (var path in paths)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("classname", "governance");
                    w.WriteAttributeString("name", MessageText.OneLine(path));
                    if (byPath.TryGetValue(path, out var list))
                    {
                        foreach (var d in list)
                        {
                            w.WriteStartElement("failure");
                            w.WriteAttributeString("type", d.Id);
                            w.WriteAttributeString("message", MessageText.OneLine(d.Message));
                            w.WriteString(d.ToString());
                            w.WriteEndElement();
                        }
                    }

                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndDocument();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
