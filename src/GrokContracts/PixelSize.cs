using System;

namespace GrokContracts;

/// <summary>An output video's size in pixels.</summary>
public readonly struct PixelSize : IEquatable<PixelSize>
{
    /// <summary>Creates a size.</summary>
    public PixelSize(int width, int height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <inheritdoc />
    public bool Equals(PixelSize other) => Width == other.Width && Height == other.Height;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PixelSize other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Width * 397) ^ Height);

    /// <summary>Value equality.</summary>
    public static bool operator ==(PixelSize left, PixelSize right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PixelSize left, PixelSize right) => !left.Equals(right);

    /// <summary>E.g. <c>1280x720</c>.</summary>
    public override string ToString() => Width.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x" + Height.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
