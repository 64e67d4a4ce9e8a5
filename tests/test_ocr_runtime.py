"""The OCR runtime: OpenVINO by default, ONNX Runtime as the fallback, both running the models
bundled in the rapidocr wheel (nothing downloaded) and reading a scan to the same fields."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.build import parse_read
from govdoc.eval.score import HEADER_FIELDS, predicted
from govdoc.read import ocr, read_path

SCAN = Path(__file__).resolve().parents[1] / "corpora" / "scans" / "d001.g4.tif"


def test_ocr_runtime_defaults_to_openvino_when_installed(monkeypatch):
    monkeypatch.delenv("GOVDOC_OCR_RUNTIME", raising=False)
    assert ocr.runtime() == "openvino"


@pytest.mark.parametrize("value, chosen", [("onnxruntime", "onnxruntime"), (" OpenVINO ", "openvino")])
def test_ocr_runtime_chosen_by_environment(monkeypatch, value, chosen):
    monkeypatch.setenv("GOVDOC_OCR_RUNTIME", value)
    assert ocr.runtime() == chosen


def test_ocr_runtime_unknown_name_is_refused(monkeypatch):
    monkeypatch.setenv("GOVDOC_OCR_RUNTIME", "tensorrt")
    with pytest.raises(ValueError, match="GOVDOC_OCR_RUNTIME='tensorrt'"):
        ocr.runtime()


def test_ocr_openvino_params_point_at_the_bundled_models_and_one_thread():
    params = ocr.engine_params("openvino", threads=1)
    for key in ("Det.model_path", "Rec.model_path"):
        assert Path(params[key]).is_file() and params[key].endswith(".onnx")
    assert params["EngineConfig.openvino.inference_num_threads"] == 1
    assert params["EngineConfig.openvino.enable_cpu_pinning"] is False  # N workers, N cores
    assert params["Global.use_cls"] is False


def test_ocr_onnxruntime_params_pin_threads_only_when_asked():
    assert ocr.engine_params("onnxruntime", threads=1)["EngineConfig.onnxruntime.intra_op_num_threads"] == 1
    assert "EngineConfig.onnxruntime.intra_op_num_threads" not in ocr.engine_params("onnxruntime", threads=0)


@pytest.mark.slow
def test_ocr_both_runtimes_read_a_scan_to_the_same_header_fields(monkeypatch):
    fields = {}
    for name in ocr.RUNTIMES:
        monkeypatch.setenv("GOVDOC_OCR_RUNTIME", name)
        ocr.configure(threads=1)  # drops the engine: the next OCR builds one on this runtime
        result = read_path(SCAN)
        assert result.ocr and result.pages[0].confidence > 0.8
        fields[name] = {f: predicted(parse_read(result)[0])[f] for f in HEADER_FIELDS}
    ocr.configure(threads=0)
    assert fields["openvino"] == fields["onnxruntime"]
    assert fields["openvino"]["issuer"] and fields["openvino"]["addressee"]
