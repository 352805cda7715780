package io.kondo.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kondo clusters ...}: logical clusters over the REST API. */
@Command(name = "clusters", description = "Create, list, show, update and delete logical clusters.",
        subcommands = {ClustersCommand.Create.class, ClustersCommand.ListClusters.class, ClustersCommand.Get.class,
                ClustersCommand.Update.class, ClustersCommand.Delete.class})
final class ClustersCommand {

    @ParentCommand
    KondoCommand kondo;

    @Command(name = "create", description = "Create a logical cluster.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ClustersCommand clusters;
        @Mixin
        AdminOptions admin;
        @Option(names = "--name", required = true, description = "Name, unique among logical clusters.")
        String name;
        @Option(names = "--plan", description = "Plan (default: the first plan of the catalog).")
        String plan;

        @Override
        public Integer call() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", name);
            if (plan != null) {
                body.put("plan", plan);
            }
            return admin.print(admin.client(clusters.kondo).call("POST", "v1/clusters", body));
        }
    }

    @Command(name = "list", description = "List logical clusters.")
    static final class ListClusters implements Callable<Integer> {
        @ParentCommand
        ClustersCommand clusters;
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            return admin.print(admin.client(clusters.kondo).call("GET", "v1/clusters", null));
        }
    }

    @Command(name = "get", description = "Show one logical cluster.")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        ClustersCommand clusters;
        @Mixin
        AdminOptions admin;
        @Parameters(paramLabel = "ID", description = "Logical cluster id (lkc-...).")
        String id;

        @Override
        public Integer call() {
            return admin.print(admin.client(clusters.kondo).call("GET", "v1/clusters/" + PathSegment.of(id), null));
        }
    }

    @Command(name = "update", description = "Change a logical cluster's plan or name; new limits apply to open connections.")
    static final class Update implements Callable<Integer> {
        @ParentCommand
        ClustersCommand clusters;
        @Mixin
        AdminOptions admin;
        @Parameters(paramLabel = "ID", description = "Logical cluster id (lkc-...).")
        String id;
        @Option(names = "--plan", description = "New plan.")
        String plan;
        @Option(names = "--name", description = "New name.")
        String name;

        @Override
        public Integer call() {
            Map<String, String> body = new LinkedHashMap<>();
            if (plan != null) {
                body.put("plan", plan);
            }
            if (name != null) {
                body.put("name", name);
            }
            return admin.print(admin.client(clusters.kondo).call("PATCH", "v1/clusters/" + PathSegment.of(id), body));
        }
    }

    @Command(name = "delete", description = "Delete a logical cluster with its topics, groups and API keys.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ClustersCommand clusters;
        @Mixin
        AdminOptions admin;
        @Parameters(paramLabel = "ID", description = "Logical cluster id (lkc-...).")
        String id;

        @Override
        public Integer call() {
            return admin.print(admin.client(clusters.kondo).call("DELETE", "v1/clusters/" + PathSegment.of(id), null));
        }
    }
}
