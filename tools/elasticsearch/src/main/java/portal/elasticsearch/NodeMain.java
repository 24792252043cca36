package portal.elasticsearch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.Netty4Plugin;

import portal.launcher.NodeServe;

/** One Elasticsearch 7.17 node on 127.0.0.1: HTTP on the port given, data under the folder given. */
public final class NodeMain {
    private NodeMain() {}

    private static final class ClasspathNode extends Node {
        ClasspathNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name")), plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Settings settings = Settings.builder().loadFromMap(NodeServe.settings("portal-es-" + httpPort, httpPort, home)).build();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new ClasspathNode(settings, List.of(Netty4Plugin.class, FrenchAnalysisPlugin.class));
        NodeServe.serve(node, node::start, "elasticsearch node started, http 127.0.0.1:" + httpPort);
    }
}
