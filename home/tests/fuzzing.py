"""What the fuzz tests throw at public URLs and forms (hypothesis strategies)."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["'; drop table x; --", '" OR 1=1', "<script>alert(1)</script>", "../../etc/passwd", "\x00"]),
    st.text(min_size=5000, max_size=6000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def percent_encoded(raw):
    """Bytes as a form-encoded value, so invalid UTF-8 reaches the server as it is."""
    return "".join(f"%{byte:02X}" for byte in raw)
