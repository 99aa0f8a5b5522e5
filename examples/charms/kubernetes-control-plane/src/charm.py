#!/usr/bin/env python3
# build-snaps example charm (Apache-2.0): the shape of the real kubernetes-control-plane charm, none of its code.
"""kubernetes-control-plane example charm: installs nothing, reports where its cni-plugins resource is."""

import ops


class KubernetesControlPlaneCharm(ops.CharmBase):
    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        framework.observe(self.on.install, self._on_install)

    def _on_install(self, event: ops.InstallEvent):
        try:
            path = self.model.resources.fetch("cni-plugins")
        except (ops.ModelError, NameError):
            self.unit.status = ops.BlockedStatus("missing the cni-plugins resource")
            return
        self.unit.status = ops.ActiveStatus(f"cni-plugins at {path}")


if __name__ == "__main__":  # pragma: nocover
    ops.main(KubernetesControlPlaneCharm)
