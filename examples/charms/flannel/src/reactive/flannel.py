# build-snaps example charm (Apache-2.0): the shape of the real flannel charm, none of its code.
from charms.reactive import hook, status_set  # noqa: F401 (provided by layer:basic)
from charmhelpers.core import hookenv
from charmhelpers.core.host import arch


@hook("install")
def install():
    name = "flannel-" + arch()
    try:
        path = hookenv.resource_get(name)
    except NotImplementedError:
        path = None
    status_set("active" if path else "blocked", f"{name} at {path}" if path else f"missing the {name} resource")
