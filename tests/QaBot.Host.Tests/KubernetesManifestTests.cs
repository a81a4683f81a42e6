using System.Reflection;
using QaBot.Answering.RateLimiting;
using QaBot.Discord;
using QaBot.Host.Web;
using QaBot.Teams;
using YamlDotNet.RepresentationModel;

namespace QaBot.Host.Tests;

/// <summary>deploy/kubernetes: valid YAML, and the manifests agree with QaBot (probes, ports, settings, secrets, shards).</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy", "kubernetes");

    /// <summary>The sections an environment variable <c>QaBot__Section__Key</c> may name, with their options.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        ["Discord"] = typeof(DiscordOptions),
        ["Teams"] = typeof(TeamsOptions),
        ["Web"] = typeof(WebOptions),
        ["Shutdown"] = typeof(ShutdownOptions),
        ["RateLimits"] = typeof(RateLimitOptions),
        ["Answering"] = typeof(QaBot.Answering.AnsweringOptions),
        ["Knowledge"] = typeof(QaBot.Knowledge.KnowledgeOptions),
        ["Embeddings"] = typeof(QaBot.Knowledge.Embeddings.EmbeddingOptions),
        ["Analytics"] = typeof(QaBot.Analytics.AnalyticsOptions),
        ["State"] = typeof(QaBot.State.Redis.StateOptions),
        ["Conversations"] = typeof(QaBot.Answering.Conversations.ConversationOptions),
    };

    private static readonly string[] RootSettings = ["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "Urls"];

    private static List<(string File, YamlMappingNode Root)> Documents() =>
        Directory.GetFiles(Folder, "*.yaml")
            .SelectMany(file =>
            {
                var stream = new YamlStream();
                using var reader = new StringReader(File.ReadAllText(file));
                stream.Load(reader);
                return stream.Documents.Select(d => (Path.GetFileName(file), (YamlMappingNode)d.RootNode));
            })
            .ToList();

    private static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    private static string? Text(YamlNode? node, params string[] path) => (Get(node, path) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlMappingNode> Items(YamlNode? node, params string[] path) =>
        (Get(node, path) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    private static List<(string File, YamlMappingNode Root)> Workloads() =>
        Documents().Where(d => Text(d.Root, "kind") is "Deployment" or "StatefulSet").ToList();

    [Fact]
    public void Manifests_ParseAndEveryDocumentNamesItsKind()
    {
        var documents = Documents();

        Assert.Contains(documents, d => Text(d.Root, "kind") == "Deployment");
        Assert.Contains(documents, d => Text(d.Root, "kind") == "StatefulSet");
        Assert.Contains(documents, d => Text(d.Root, "kind") == "Service");
        Assert.All(documents, d =>
        {
            Assert.False(string.IsNullOrEmpty(Text(d.Root, "apiVersion")), d.File);
            Assert.True(Text(d.Root, "kind") == "Kustomization" || !string.IsNullOrEmpty(Text(d.Root, "metadata", "name")), d.File);
        });
        var kustomization = Documents().Single(d => Text(d.Root, "kind") == "Kustomization").Root;
        Assert.All(((YamlSequenceNode)Get(kustomization, "resources")!).Children, r => Assert.True(File.Exists(Path.Combine(Folder, ((YamlScalarNode)r).Value!)), r.ToString()));
    }

    [Fact]
    public void Workloads_ProbeHealthAndReadinessOnTheServedPortAsNonRootWithResources()
    {
        Assert.All(Workloads(), workload =>
        {
            var pod = Get(workload.Root, "spec", "template", "spec")!;
            Assert.Equal("true", Text(pod, "securityContext", "runAsNonRoot"));
            Assert.Equal("false", Text(pod, "automountServiceAccountToken"));
            var container = Items(pod, "containers").Single();
            Assert.Equal("8080", Text(Items(container, "ports").Single(p => Text(p, "name") == "http"), "containerPort")); // the image's Urls
            Assert.Equal("/healthz", Text(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal("/readyz", Text(container, "readinessProbe", "httpGet", "path"));
            Assert.Equal("http", Text(container, "readinessProbe", "httpGet", "port"));
            foreach (var each in Items(pod, "containers").Concat(Items(pod, "initContainers")))
            {
                Assert.Equal("false", Text(each, "securityContext", "allowPrivilegeEscalation"));
                Assert.NotNull(Text(each, "resources", "requests", "memory"));
                Assert.NotNull(Text(each, "resources", "limits", "memory"));
            }

            var grace = int.Parse(Text(pod, "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture);
            var shutdown = TimeSpan.Parse(Env(container)["QaBot__Shutdown__Timeout"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(shutdown.TotalSeconds + 5 < grace, workload.File + ": the grace period must cover the shutdown timeout and the preStop pause");
        });
    }

    [Fact]
    public void Workloads_MountOnlyDeclaredVolumesAndReadSecretsFromTheSecret()
    {
        var secret = Documents().Single(d => Text(d.Root, "kind") == "Secret").Root;
        var secretKeys = ((YamlMappingNode)Get(secret, "stringData")!).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        Assert.All(((YamlMappingNode)Get(secret, "stringData")!).Children.Values, v => Assert.Equal("", ((YamlScalarNode)v).Value)); // no real secret committed

        Assert.All(Workloads(), workload =>
        {
            var pod = Get(workload.Root, "spec", "template", "spec")!;
            var volumes = Items(pod, "volumes").Select(v => Text(v, "name"))
                .Concat(Items(workload.Root, "spec", "volumeClaimTemplates").Select(v => Text(v, "metadata", "name")))
                .ToHashSet();
            foreach (var container in Items(pod, "containers").Concat(Items(pod, "initContainers")))
            {
                Assert.All(Items(container, "volumeMounts"), m => Assert.Contains(Text(m, "name"), volumes));
                foreach (var env in Items(container, "env").Where(e => Get(e, "valueFrom", "secretKeyRef") is not null))
                {
                    Assert.Equal("qabot-secrets", Text(env, "valueFrom", "secretKeyRef", "name"));
                    Assert.Contains(Text(env, "valueFrom", "secretKeyRef", "key"), secretKeys);
                }

                Assert.DoesNotContain(Items(container, "env"), e =>
                    Text(e, "name")!.Contains("Token", StringComparison.Ordinal) || Text(e, "name")!.Contains("Password", StringComparison.Ordinal)
                        ? Text(e, "value") is not null
                        : false);
            }
        });
    }

    [Fact]
    public void Workloads_EverySettingNamesARealOption()
    {
        Assert.All(Workloads(), workload =>
        {
            var container = Items(Get(workload.Root, "spec", "template", "spec"), "containers").Single();
            foreach (var name in Env(container).Keys)
            {
                if (RootSettings.Contains(name))
                {
                    continue;
                }

                var parts = name.Split("__");
                Assert.True(parts.Length >= 3 && parts[0] == "QaBot" && Sections.ContainsKey(parts[1]), $"{workload.File}: {name} is not a QaBot setting");
                var type = Sections[parts[1]];
                foreach (var part in parts.Skip(2))
                {
                    if (int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out _) && type.IsGenericType
                        && type.GetGenericTypeDefinition() is var list && (list == typeof(IList<>) || list == typeof(List<>)))
                    {
                        type = type.GetGenericArguments()[0]; // an item of a list setting, e.g. KnownNetworks__0
                        continue;
                    }

                    var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
                    Assert.True(property is not null, $"{workload.File}: {name}: {type.Name} has no {part}");
                    type = property!.PropertyType;
                }
            }
        });
    }

    [Fact]
    public void DiscordStatefulSet_OneShardPerPodFromTheOrdinal()
    {
        var discord = Workloads().Single(w => Text(w.Root, "kind") == "StatefulSet").Root;
        var env = Env(Items(Get(discord, "spec", "template", "spec"), "containers").Single());

        Assert.Equal("true", env["QaBot__Discord__Enabled"]);
        Assert.Equal(Text(discord, "spec", "replicas"), env["QaBot__Discord__ShardCount"]);
        var shardId = Items(Items(Get(discord, "spec", "template", "spec"), "containers").Single(), "env").Single(e => Text(e, "name") == "QaBot__Discord__ShardId");
        Assert.Equal("metadata.labels['apps.kubernetes.io/pod-index']", Text(shardId, "valueFrom", "fieldRef", "fieldPath"));
        var web = Workloads().Single(w => Text(w.Root, "kind") == "Deployment").Root;
        Assert.Equal("false", Env(Items(Get(web, "spec", "template", "spec"), "containers").Single())["QaBot__Discord__Enabled"]);
    }

    [Fact]
    public void Services_SelectTheirPodsAndTargetTheirPort()
    {
        var workloads = Workloads();
        Assert.All(Documents().Where(d => Text(d.Root, "kind") == "Service"), service =>
        {
            var selector = ((YamlMappingNode)Get(service.Root, "spec", "selector")!).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
            var selected = workloads.Where(w =>
            {
                var labels = ((YamlMappingNode)Get(w.Root, "spec", "template", "metadata", "labels")!).Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString());
                return selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);
            }).ToList();
            Assert.Single(selected);
            Assert.All(Items(service.Root, "spec", "ports"), p => Assert.Equal("http", Text(p, "targetPort")));
        });
    }

    private static Dictionary<string, string?> Env(YamlNode container) =>
        Items(container, "env").ToDictionary(e => Text(e, "name")!, e => Text(e, "value"));

    [Fact]
    public void OptionalRedis_RunsWithoutPersistenceAndIsTheServiceTheWebReplicasName()
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, "redis", "redis.yaml"))))
        {
            stream.Load(reader);
        }

        var documents = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        var redis = Items(Get(documents.Single(d => Text(d, "kind") == "Deployment"), "spec", "template", "spec"), "containers").Single();
        var args = ((YamlSequenceNode)Get(redis, "args")!).Children.Select(a => ((YamlScalarNode)a).Value).ToList();
        var service = documents.Single(d => Text(d, "kind") == "Service");
        var web = Items(Get(Workloads().Single(w => w.File == "web.yaml").Root, "spec", "template", "spec"), "containers").Single();
        var configuration = Env(web)["QaBot__State__Redis__Configuration"]!;

        Assert.Equal("", args[args.IndexOf("--save") + 1]);
        Assert.Equal("no", args[args.IndexOf("--appendonly") + 1]);
        Assert.StartsWith(Text(service, "metadata", "name") + ":" + Text(Items(Get(service, "spec"), "ports").Single(), "port") + ",", configuration, StringComparison.Ordinal);
        Assert.Equal("Memory", Env(web)["QaBot__State__Store"]); // Redis is opt-in
    }

    [Fact]
    public void Workloads_ForwardedHeadersOn_NameTheTrustedProxyNetworksAndNeverEveryone()
    {
        var forwarding = Workloads()
            .Select(w => Env(Items(Get(w.Root, "spec", "template", "spec"), "containers").Single()))
            .Where(env => env.TryGetValue("QaBot__Web__ForwardedHeaders", out var on) && on == "true")
            .ToList();

        Assert.NotEmpty(forwarding); // the web workload sits behind the ingress
        Assert.All(forwarding, env =>
        {
            var networks = env.Where(e => e.Key.StartsWith("QaBot__Web__KnownNetworks__", StringComparison.Ordinal)).Select(e => e.Value).ToList();
            var proxies = env.Where(e => e.Key.StartsWith("QaBot__Web__KnownProxies__", StringComparison.Ordinal)).Select(e => e.Value).ToList();
            Assert.NotEmpty(networks.Concat(proxies));
            Assert.All(networks, n => Assert.True(System.Net.IPNetwork.TryParse(n!, out var parsed) && parsed.PrefixLength > 0, n));
            Assert.All(proxies, p => Assert.True(System.Net.IPAddress.TryParse(p!, out _), p));
        });
    }
}
