package io.kondo.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code kondo plans}: the plan catalog of the running control plane. */
@Command(name = "plans", description = "List the plans on offer and their limits.")
final class PlansCommand implements Callable<Integer> {

    @ParentCommand
    KondoCommand kondo;
    @Mixin
    AdminOptions admin;

    @Override
    public Integer call() {
        return admin.print(admin.client(kondo).call("GET", "v1/plans", null));
    }
}
