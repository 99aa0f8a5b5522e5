/**
 * charmcraft 2.7.6's own pins, for installing it by pip inside an emulated container (shared/charm/container.ts).
 *
 * The text below is canonical/charmcraft at tag 2.7.6 (commit 61c4a365834e271abb1069ac5c74760ac20859f4),
 * file `requirements.txt`, unchanged: the versions its snap was built with. charmcraft's setup.py leaves its
 * dependencies unpinned (`craft-parts>=1.18`, ...), and a plain `pip install charmcraft==2.7.6` today pulls
 * pydantic-2 craft libraries it cannot run with; these pins, given as constraints, give the same set as the snap.
 * 2.7.6 is the last 2.x tag (2.x/stable), the track CK's charms pin in .charmcraft-channel.
 */

/** The charmcraft version each snap track installs in the container. */
export const CHARMCRAFT_FOR_TRACK: Readonly<Record<string, string>> = Object.freeze({ '2.x': '2.7.6' })

/** Where CHARMCRAFT_CONSTRAINTS comes from (named in the log, the summary, the SBOM and the provenance). */
export const CHARMCRAFT_CONSTRAINTS_SOURCE = 'https://github.com/canonical/charmcraft/blob/2.7.6/requirements.txt'

/**
 * Pins left out: no s390x/ppc64le wheels exist for them, their sdists need Rust (cryptography) or build libsodium
 * and run its `make check` (pynacl) under emulation. jammy's python3-cryptography and python3-nacl (apt) stand in,
 * seen through a venv made with --system-site-packages; they satisfy every requirement that names them.
 */
export const CONSTRAINTS_LEFT_TO_APT: readonly string[] = ['cryptography', 'pynacl']

export const CHARMCRAFT_2_7_6_REQUIREMENTS = `
attrs==23.1.0
certifi==2023.7.22
cffi==1.16.0
charset-normalizer==3.3.2
craft-cli==2.4.0
craft-parts==1.25.3
craft-providers==1.20.4
craft-store==2.5.0
cryptography==43.0.3
deprecated==1.2.18
distro==1.8.0
humanize==4.8.0
idna==3.4
importlib-metadata==6.8.0
jaraco-classes==3.3.1
jeepney==0.8.0
jinja2==3.1.6
jsonschema==4.19.2
jsonschema-specifications==2023.7.1
keyring==24.2.0
macaroonbakery==1.3.4
markupsafe==2.1.5
more-itertools==10.1.0
overrides==7.4.0
packaging==23.2
platformdirs==3.11.0
protobuf==3.20.3
pycparser==2.21
pydantic==1.10.24
pydantic-yaml==0.11.2
pymacaroons==0.13.0
pynacl==1.5.0
pyrfc3339==1.1
python-dateutil==2.8.2
pytz==2023.4
pyxdg==0.28
pyyaml==6.0.3
referencing==0.30.2
requests==2.32.5
requests-toolbelt==1.0.0
requests-unixsocket2==0.4.2
rpds-py==0.10.6
secretstorage==3.3.3
six==1.16.0
snap-helpers==0.4.2
tabulate==0.9.0
types-deprecated==1.2.9.20240311
types-pyyaml==6.0.12.20250915
typing-extensions==4.8.0
urllib3==2.2.3
wrapt==1.15.0
zipp==3.17.0
`.trimStart()
