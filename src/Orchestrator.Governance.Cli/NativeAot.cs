using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Orchestrator.Governance.Cli
{
    /// <summary>
    /// What the native build (<c>dotnet publish -r RID -p:PublishAot=true</c>, docs/native.md) needs at start-up.
    /// Under the JIT (the dotnet tool, the tests) it does nothing.
    /// </summary>
    internal static class NativeAot
    {
        /// <summary>
        /// Newtonsoft.Json 13 builds its object creators and property setters with Reflection.Emit wherever its build
        /// includes Emit, without asking <see cref="RuntimeFeature.IsDynamicCodeSupported"/>; a native executable has no
        /// Emit, so reading <c>governance.yml</c>, a baseline or a JSON Schema would throw. Newtonsoft decides once, in
        /// <c>JsonTypeReflector._dynamicCodeGeneration</c>, and takes its plain-reflection path (the one it uses where
        /// code cannot be generated) when that is false: set it so before the first use.
        /// </summary>
        /// <exception cref="InvalidOperationException">The Newtonsoft.Json shipped has no such field: the native build
        /// cannot read JSON and must not start.</exception>
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Newtonsoft.Json is kept whole in the native build (TrimmerRootAssembly).")]
        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Newtonsoft.Json is kept whole in the native build (TrimmerRootAssembly).")]
        internal static void Initialize()
        {
            if (RuntimeFeature.IsDynamicCodeSupported)
            {
                return;
            }

            var field = typeof(Newtonsoft.Json.JsonConvert).Assembly
                .GetType("Newtonsoft.Json.Serialization.JsonTypeReflector")?
                .GetField("_dynamicCodeGeneration", BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException("this Newtonsoft.Json has no JsonTypeReflector._dynamicCodeGeneration; the native build needs the version it was tested with (Directory.Packages.props)");
            field.SetValue(null, (bool?)false);
        }
    }
}
