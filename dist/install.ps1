# Installs outturn on Windows from a GitHub release: downloads
# outturn-x86_64-pc-windows-msvc.zip, checks its SHA-256 checksum, puts
# outturn.exe in %LOCALAPPDATA%\Programs\outturn (or OUTTURN_INSTALL_DIR) and
# adds that folder to your PATH. Needs no administrator rights.
#
#   powershell -ExecutionPolicy Bypass -c "irm https://github.com/OWNER/outturn/releases/latest/download/install.ps1 | iex"
#   .\install.ps1 [-Version v1.2.3] [-To DIR]
#
# Settings, as parameters or in the environment:
#   -Version, OUTTURN_VERSION      a release tag such as v1.2.3 (default: the latest)
#   -To, OUTTURN_INSTALL_DIR       where outturn.exe goes
#   OUTTURN_REPO                   the GitHub repository, OWNER/NAME
#   OUTTURN_DOWNLOAD_URL           where the assets are, instead of the release's
#                                  address (a mirror, or a copy on an intranet)
#
# Windows on Arm runs the x86_64 binary under emulation.

param(
    [string]$Version = $env:OUTTURN_VERSION,
    [string]$To = $env:OUTTURN_INSTALL_DIR
)

$ErrorActionPreference = 'Stop'
# Windows PowerShell 5.1 may not offer TLS 1.2, which GitHub requires, unasked.
[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12

# The release workflow writes its own repository here.
$DefaultRepo = 'outturn/outturn'

function Say([string]$Message) {
    Write-Host "outturn installer: $Message"
}

$Repo = if ($env:OUTTURN_REPO) { $env:OUTTURN_REPO } else { $DefaultRepo }
if (-not $Version) { $Version = 'latest' }
if (-not $To) { $To = Join-Path $env:LOCALAPPDATA 'Programs\outturn' }

$Target = 'x86_64-pc-windows-msvc'
$Asset = "outturn-$Target.zip"
if ($env:OUTTURN_DOWNLOAD_URL) {
    $Base = $env:OUTTURN_DOWNLOAD_URL.TrimEnd('/')
} elseif ($Version -eq 'latest') {
    $Base = "https://github.com/$Repo/releases/latest/download"
} else {
    $Base = "https://github.com/$Repo/releases/download/$Version"
}

$Work = Join-Path ([IO.Path]::GetTempPath()) ("outturn-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    $Zip = Join-Path $Work $Asset
    Say "downloading $Base/$Asset"
    # Without the progress bar, Windows PowerShell 5.1 downloads many times faster.
    $ProgressPreference = 'SilentlyContinue'
    Invoke-WebRequest -UseBasicParsing -Uri "$Base/$Asset" -OutFile $Zip
    Invoke-WebRequest -UseBasicParsing -Uri "$Base/$Asset.sha256" -OutFile "$Zip.sha256"

    $Expected = ((Get-Content -Raw "$Zip.sha256").Trim() -split '\s+')[0].ToLowerInvariant()
    $Actual = (Get-FileHash -Algorithm SHA256 $Zip).Hash.ToLowerInvariant()
    if ($Expected -ne $Actual) {
        throw "the download's SHA-256 is $Actual, but the release says $Expected`: not installed (try again; if it persists, report it)"
    }
    Say "checksum matches ($Actual)"

    $Unpacked = Join-Path $Work 'unpacked'
    Expand-Archive -Path $Zip -DestinationPath $Unpacked
    $Exe = Get-ChildItem -Path $Unpacked -Recurse -Filter 'outturn.exe' | Select-Object -First 1
    if (-not $Exe) { throw "$Asset does not hold outturn.exe" }

    New-Item -ItemType Directory -Force -Path $To | Out-Null
    $Installed = Join-Path $To 'outturn.exe'
    Copy-Item -Force $Exe.FullName $Installed
    Say "installed $(& $Installed --version) as $Installed"

    $UserPath = [Environment]::GetEnvironmentVariable('Path', 'User')
    $Folders = @($UserPath -split ';' | Where-Object { $_ })
    if ($Folders -notcontains $To) {
        [Environment]::SetEnvironmentVariable('Path', (@($Folders) + $To) -join ';', 'User')
        $env:Path = "$env:Path;$To"
        Say "added $To to your PATH; open a new terminal for it to take effect"
    }
} finally {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
