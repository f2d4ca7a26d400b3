namespace Example.App
{
    /// <summary>The code the task packets govern.</summary>
    public static class Jobs
    {
        public static bool Cancel(int id) => id > 0;
    }
}
