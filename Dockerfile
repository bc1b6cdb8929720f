# Second Look's API, installed the way the Makefile installs it: torch 2.13.0 (CPU build) first,
# then the package with the pinned constraints. Every model ships inside a Python package, so
# nothing is downloaded at run time. Runs as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="" \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TQDM_DISABLE=1

WORKDIR /srv/secondlook

RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

COPY pyproject.toml constraints.txt README.md ./
COPY app ./app
COPY checks ./checks
COPY models ./models
RUN pip install -c constraints.txt .

# The default SQLite database lives in ./var (SECONDLOOK_DATABASE_URL points elsewhere).
RUN useradd --system --create-home --uid 10001 secondlook \
    && mkdir var && chown secondlook:secondlook var
USER secondlook

EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/readyz', timeout=4)"
CMD ["secondlook", "serve", "--host", "0.0.0.0", "--port", "8080"]
