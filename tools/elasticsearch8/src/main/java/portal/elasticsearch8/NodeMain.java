package portal.elasticsearch8;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import portal.elasticsearch.FrenchAnalysisPlugin;

/** One Elasticsearch 8.x node on 127.0.0.1: HTTP on the port given, data under the folder given. */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Settings settings = Settings.builder()
            .put("cluster.name", "portal-test")
            .put("node.name", "portal-es8-" + httpPort)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", 0)
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new ClasspathNode(
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name")),
            List.of(Netty4Plugin.class, FrenchAnalysisPlugin.class, NodeInfoPlugin.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        node.start();
        System.out.println("elasticsearch node started, http 127.0.0.1:" + httpPort);
        System.out.flush();
        stopped.await();
    }
}
