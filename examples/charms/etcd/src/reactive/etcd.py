# build-snaps example charm (Apache-2.0): the shape of the real etcd charm, none of its code.
import os

from charms.reactive import hook, status_set  # noqa: F401 (provided by layer:basic)
from charmhelpers.core import hookenv


@hook("install")
def install():
    snap = hookenv.resource_get("etcd")
    if not snap or os.path.getsize(snap) == 0:
        status_set("active", "zero-byte etcd resource: etcd installs from the store")
    else:
        status_set("active", f"etcd from the attached snap {snap}")
