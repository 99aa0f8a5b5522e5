# build-snaps example charm (Apache-2.0): the shape of the seed's kubernetes-master charm, none of its code.
from charms.reactive import hook, status_set  # noqa: F401 (provided by layer:basic)


@hook("install")
def install():
    status_set("active", "example charm: nothing to run")
