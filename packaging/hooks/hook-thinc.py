"""thinc for Cuttings' bundle: like pyinstaller-hooks-contrib's hook, without tests and sources."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
excludedimports = ["thinc.tests"]
datas = collect_data_files("thinc", excludes=["**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c",
                                              "**/*.cpp", "**/*.h", "tests/**"])
