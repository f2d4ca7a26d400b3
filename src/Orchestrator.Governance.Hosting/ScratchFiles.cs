using System;

namespace Orchestrator.Governance.Hosting
{
    /// <summary>
    /// The files editors and this tool leave beside the ones a user writes, which are no documents
    /// of the repository: Emacs's lock files (<c>.#name</c>, a dangling symbolic link made whenever a
    /// buffer is modified) and auto-saves (<c>#name#</c>), backups (<c>name~</c>), Vim's swap files
    /// (<c>.name.swp</c>, <c>.swo</c>, ...; and <c>4913</c>, its write test), Kate's
    /// (<c>.name.kate-swp</c>), LibreOffice's locks (<c>.~lock.name#</c>), JetBrains' safe-write
    /// files (<c>name___jb_tmp___</c>, <c>___jb_old___</c>) and <see cref="SafeFile"/>'s own
    /// temporary files. The repository walk leaves them out (no GOV002 for a lock file), and the
    /// long-lived hosts do not walk again when one comes or goes.
    /// </summary>
    internal static class ScratchFiles
    {
        /// <summary>Whether a file named <paramref name="name"/> (no folder) is an editor's or this tool's scratch file.</summary>
        public static bool IsScratch(string name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            if (name.StartsWith(".#", StringComparison.Ordinal)) return true;
            if (name.Length > 2 && name[0] == '#' && name[name.Length - 1] == '#') return true;
            if (name.EndsWith("~", StringComparison.Ordinal)) return true;
            if (name == "4913") return true;
            if (name.StartsWith(".~lock.", StringComparison.Ordinal) && name.EndsWith("#", StringComparison.Ordinal)) return true;
            if (name.EndsWith("___jb_tmp___", StringComparison.Ordinal) || name.EndsWith("___jb_old___", StringComparison.Ordinal)) return true;
            if (name[0] == '.' && (name.EndsWith(".kate-swp", StringComparison.Ordinal) || name.EndsWith(".governance.tmp", StringComparison.Ordinal))) return true;
            // Vim: .name.swp, then .swo, .swn, ... down to .swa.
            if (name[0] == '.' && name.Length > 5 && name[name.Length - 4] == '.' && name[name.Length - 3] == 's' && name[name.Length - 2] == 'w' && name[name.Length - 1] >= 'a' && name[name.Length - 1] <= 'p') return true;
            return false;
        }

        /// <summary>Whether the last segment of <paramref name="relative"/> (forward slashes) is a scratch file's name.</summary>
        public static bool IsScratchPath(string relative) => IsScratch(relative.Substring(relative.LastIndexOf('/') + 1));
    }
}
