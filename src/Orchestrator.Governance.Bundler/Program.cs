using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Orchestrator.Governance.Bundler
{
    /// <summary>
    /// <c>bundler OUTPUT_DIR PREFIX NAME[;NAME...] ASSEMBLY.dll...</c>: writes each given assembly to
    /// OUTPUT_DIR; those whose simple name is one of the NAMEs get the name PREFIX+NAME (file name
    /// too) and lose their strong name (the renamed assembly is no longer the publisher's), and in
    /// every written assembly the references to a NAME are rewritten to PREFIX+NAME. Exit 0, or 1
    /// with a message on stderr (an assembly that cannot be read or written, a NAME no input has).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 4)
            {
                Console.Error.WriteLine("usage: bundler OUTPUT_DIR PREFIX NAME[;NAME...] ASSEMBLY.dll...");
                return 1;
            }

            string output = args[0];
            string prefix = args[1];
            var renames = args[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToDictionary(n => n, n => prefix + n, StringComparer.Ordinal);
            var inputs = args.Skip(3).Distinct(StringComparer.Ordinal).ToList();
            try
            {
                Directory.CreateDirectory(output);
                var found = new HashSet<string>(StringComparer.Ordinal);
                foreach (var input in inputs)
                {
                    var resolver = new RenamingResolver(renames);
                    resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(input))!);
                    using var assembly = AssemblyDefinition.ReadAssembly(input, new ReaderParameters { AssemblyResolver = resolver, InMemory = true, ReadSymbols = false });
                    // Custom attribute blobs name the types of enum and Type arguments as strings
                    // ("Newtonsoft.Json.DefaultValueHandling, Newtonsoft.Json, Version=..."). Reading
                    // every attribute now binds those names to the module's assembly references, so
                    // that the writer encodes them again with the new names below.
                    ReadAllAttributes(assembly);
                    string name = assembly.Name.Name;
                    if (renames.TryGetValue(name, out var newName))
                    {
                        found.Add(name);
                        assembly.Name.Name = newName;
                        assembly.Name.PublicKey = Array.Empty<byte>();
                        assembly.Name.HasPublicKey = false;
                        assembly.MainModule.Name = newName + ".dll";
                        assembly.MainModule.Attributes &= ~ModuleAttributes.StrongNameSigned;
                        name = newName;
                    }

                    foreach (var reference in assembly.MainModule.AssemblyReferences)
                    {
                        if (!renames.TryGetValue(reference.Name, out var referenced)) continue;
                        reference.Name = referenced;
                        reference.PublicKeyToken = Array.Empty<byte>();
                        reference.HasPublicKey = false;
                    }

                    assembly.Write(Path.Combine(output, name + ".dll"));
                    Console.WriteLine($"{Path.GetFileName(input)} -> {name}.dll");
                }

                var missing = renames.Keys.Where(n => !found.Contains(n)).ToList();
                if (missing.Count > 0)
                {
                    Console.Error.WriteLine("bundler: no input assembly is named " + string.Join(", ", missing));
                    return 1;
                }

                return 0;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                Console.Error.WriteLine("bundler: " + e.Message);
                return 1;
            }
        }

        private static void ReadAllAttributes(AssemblyDefinition assembly)
        {
            void Read(ICustomAttributeProvider provider)
            {
                if (!provider.HasCustomAttributes) return;
                foreach (var attribute in provider.CustomAttributes)
                {
                    _ = attribute.ConstructorArguments.Count;
                    _ = attribute.Properties.Count;
                    _ = attribute.Fields.Count;
                }
            }

            void ReadGeneric(IGenericParameterProvider provider)
            {
                foreach (var parameter in provider.GenericParameters)
                {
                    Read(parameter);
                    foreach (var constraint in parameter.Constraints) Read(constraint);
                }
            }

            Read(assembly);
            foreach (var module in assembly.Modules)
            {
                Read(module);
                foreach (var type in module.GetTypes())
                {
                    Read(type);
                    ReadGeneric(type);
                    foreach (var i in type.Interfaces) Read(i);
                    foreach (var field in type.Fields) Read(field);
                    foreach (var property in type.Properties) Read(property);
                    foreach (var e in type.Events) Read(e);
                    foreach (var method in type.Methods)
                    {
                        Read(method);
                        Read(method.MethodReturnType);
                        ReadGeneric(method);
                        foreach (var parameter in method.Parameters) Read(parameter);
                    }
                }
            }
        }
    }

    /// <summary>Resolves a renamed reference (met while writing attribute blobs) to the original library it names.</summary>
    internal sealed class RenamingResolver : DefaultAssemblyResolver
    {
        private readonly Dictionary<string, string> _original;

        public RenamingResolver(Dictionary<string, string> renames) =>
            _original = renames.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);

        public override AssemblyDefinition Resolve(AssemblyNameReference name) =>
            _original.TryGetValue(name.Name, out var original)
                ? base.Resolve(new AssemblyNameReference(original, name.Version))
                : base.Resolve(name);
    }
}
