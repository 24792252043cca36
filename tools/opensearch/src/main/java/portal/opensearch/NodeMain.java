package portal.opensearch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

import portal.launcher.NodeServe;

/**
 * One OpenSearch node on 127.0.0.1: HTTP on the port given, data under the folder given, no security plugin.
 *
 * <p>Alone by default (single-node discovery). Settings given after the folder as {@code name=value} replace the
 * defaults, so that several processes form a cluster: {@code cluster.name}, {@code node.name},
 * {@code transport.port}, and the comma-separated lists {@code discovery.seed_hosts} and
 * {@code cluster.initial_cluster_manager_nodes} (either of which turns single-node discovery off).
 */
public final class NodeMain {
    private NodeMain() {}

    /** The settings given as comma-separated lists; a node given one of them joins a cluster. */
    private static final List<String> LISTS = List.of("discovery.seed_hosts", "cluster.initial_cluster_manager_nodes");

    /** A node whose modules come from the classpath instead of a distribution's modules/ folder. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name")), plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NodeMain HTTP_PORT HOME_DIR [name=value ...]");
            System.exit(2);
        }
        int httpPort = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Settings.Builder builder = Settings.builder().loadFromMap(NodeServe.settings("portal-node-" + httpPort, httpPort, home));
        for (int i = 2; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            if (setting.length != 2) {
                System.err.println("not a name=value setting: " + args[i]);
                System.exit(2);
            }
            if (LISTS.contains(setting[0])) {
                builder.putList(setting[0], List.of(setting[1].split(",")));
                builder.remove("discovery.type");
            } else {
                builder.put(setting[0], setting[1]);
            }
        }
        Settings settings = builder.build();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new ClasspathNode(settings, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
        NodeServe.serve(node, node::start, "opensearch node started, http 127.0.0.1:" + httpPort);
    }
}
