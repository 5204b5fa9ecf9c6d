using Participation.Budgeting.Pabulib;

namespace Participation.Budgeting.Tests.Pabulib;

/// <summary>The real pabulib files in the repository's data/pabulib, found from wherever the tests run.</summary>
public static class PabulibData
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Participation.sln")))
            {
                return Path.Combine(directory.FullName, "data", "pabulib");
            }
        }
        throw new DirectoryNotFoundException("No Participation.sln above " + AppContext.BaseDirectory);
    });

    private static readonly Dictionary<string, PabulibFile> Cache = [];

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder.Value, "*.pb").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static string PathOf(string name) => Path.Combine(Folder.Value, name + ".pb");

    public static PabulibFile Read(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var file))
            {
                file = PabulibReader.Read(Path.Combine(Folder.Value, name + ".pb"));
                Cache[name] = file;
            }
            return file;
        }
    }
}
